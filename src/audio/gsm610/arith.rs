//! The fixed-point primitives of GSM 06.10 §5.1.
//!
//! The standard defines the codec as exact 16-bit arithmetic: every result saturates instead of
//! wrapping, and products are Q15. Using these (and nothing else) for signal values is what makes
//! the output bit-exact with every other conforming decoder. The decoder never needs the spec's
//! `mult`, `norm` or `div`, which only the encoder's analysis uses, so they are not here.

/// `add`: saturating 16-bit sum.
#[inline]
pub(super) fn add(a: i16, b: i16) -> i16 {
    a.saturating_add(b)
}

/// `sub`: saturating 16-bit difference.
#[inline]
pub(super) fn sub(a: i16, b: i16) -> i16 {
    a.saturating_sub(b)
}

/// `mult_r`: Q15 product rounded to nearest. The only product that overflows 16 bits is
/// -1 × -1, which the spec pins to 32767.
#[inline]
pub(super) fn mult_r(a: i16, b: i16) -> i16 {
    if a == i16::MIN && b == i16::MIN {
        return i16::MAX;
    }
    let product = (i32::from(a) * i32::from(b) + 16384) >> 15;
    // In range for every other pair of inputs; the clamp only documents it.
    product.clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16
}

/// `abs`: magnitude, with -32768 saturating to 32767.
#[inline]
pub(super) fn abs(a: i16) -> i16 {
    a.saturating_abs()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saturates_like_the_spec() {
        assert_eq!(add(32000, 1000), i16::MAX);
        assert_eq!(sub(-32000, 1000), i16::MIN);
        assert_eq!(mult_r(i16::MIN, i16::MIN), i16::MAX);
        assert_eq!(mult_r(16384, 16384), 8192);
        // Rounds half up: 1 × 16384 = 0.5 LSB.
        assert_eq!(mult_r(1, 16384), 1);
        assert_eq!(mult_r(-1, 16384), 0);
        assert_eq!(abs(i16::MIN), i16::MAX);
    }
}
