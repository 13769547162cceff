//! Second-order IIR sections (RBJ cookbook / BS.1770 coefficients), run in f64: the K-weighting
//! high-pass sits at 38 Hz, whose poles are so close to 1 at 8 kHz that f32 state would drift.

#[derive(Debug, Clone, Copy)]
pub struct Biquad {
    b0: f64,
    b1: f64,
    b2: f64,
    a1: f64,
    a2: f64,
    z1: f64,
    z2: f64,
}

impl Biquad {
    /// A filter that passes its input unchanged.
    pub fn identity() -> Biquad {
        Biquad::new([1.0, 0.0, 0.0], [1.0, 0.0, 0.0])
    }

    /// From `b` and `a` coefficients, normalised by `a[0]`.
    pub fn new(b: [f64; 3], a: [f64; 3]) -> Biquad {
        Biquad {
            b0: b[0] / a[0],
            b1: b[1] / a[0],
            b2: b[2] / a[0],
            a1: a[1] / a[0],
            a2: a[2] / a[0],
            z1: 0.0,
            z2: 0.0,
        }
    }

    /// Butterworth-style (Q = 0.707) high-pass at `f0` Hz.
    pub fn highpass(rate: f64, f0: f64) -> Biquad {
        let (cos, alpha) = rbj(rate, f0);
        Biquad::new(
            [(1.0 + cos) / 2.0, -(1.0 + cos), (1.0 + cos) / 2.0],
            [1.0 + alpha, -2.0 * cos, 1.0 - alpha],
        )
    }

    /// Low-pass at `f0` Hz; the identity when `f0` is at or above Nyquist.
    pub fn lowpass(rate: f64, f0: f64) -> Biquad {
        if f0 >= rate * 0.45 {
            return Biquad::identity();
        }
        let (cos, alpha) = rbj(rate, f0);
        Biquad::new(
            [(1.0 - cos) / 2.0, 1.0 - cos, (1.0 - cos) / 2.0],
            [1.0 + alpha, -2.0 * cos, 1.0 - alpha],
        )
    }

    /// Transposed direct form II.
    #[inline(always)]
    pub fn run(&mut self, x: f64) -> f64 {
        let y = self.b0 * x + self.z1;
        self.z1 = self.b1 * x - self.a1 * y + self.z2;
        self.z2 = self.b2 * x - self.a2 * y;
        y
    }
}

fn rbj(rate: f64, f0: f64) -> (f64, f64) {
    let w0 = 2.0 * std::f64::consts::PI * f0 / rate;
    (w0.cos(), w0.sin() / (2.0 * std::f64::consts::FRAC_1_SQRT_2))
}

/// The two K-weighting stages of ITU-R BS.1770-4 (high shelf, then RLB high-pass), derived for
/// any sample rate from the analogue prototype the way libebur128 does, so 8 kHz calls are
/// weighted correctly and not only the 48 kHz coefficients the standard tabulates.
pub fn k_weighting(rate: f64) -> [Biquad; 2] {
    let pi = std::f64::consts::PI;
    let (f0, gain_db, q) = (1681.974450955533, 3.999843853973347, 0.7071752369554196);
    let k = (pi * f0 / rate).tan();
    let vh = 10f64.powf(gain_db / 20.0);
    let vb = vh.powf(0.4996667741545416);
    let a0 = 1.0 + k / q + k * k;
    let shelf = Biquad::new(
        [
            (vh + vb * k / q + k * k) / a0,
            2.0 * (k * k - vh) / a0,
            (vh - vb * k / q + k * k) / a0,
        ],
        [1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0],
    );
    let (f0, q) = (38.13547087602444, 0.5003270373238773);
    let k = (pi * f0 / rate).tan();
    let a0 = 1.0 + k / q + k * k;
    let highpass = Biquad::new(
        [1.0, -2.0, 1.0],
        [1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0],
    );
    [shelf, highpass]
}
