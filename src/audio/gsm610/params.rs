//! Unpacking a frame's 76 parameters (260 bits) from the two on-disk bit layouts.
//!
//! Both layouts carry the parameters in the same order (the 8 LARs, then per sub-segment the
//! lag, gain, grid, block maximum and 13 pulses); they differ only in bit order. The standard
//! 33-byte frame is one MSB-first stream after a 4-bit signature. Microsoft's WAV49 block is
//! one LSB-first stream holding two frames back to back, so the second frame starts mid-byte.

use super::tables::LAR_BITS;

/// One 5 ms sub-segment's coded parameters.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct SubframeParams {
    /// LTP lag `Nc` (valid 40..=120; anything else means "reuse the last lag").
    pub nc: u8,
    /// LTP gain index `bc`.
    pub bc: u8,
    /// RPE grid position `Mc`.
    pub mc: u8,
    /// Coded block maximum `xmaxc`.
    pub xmaxc: u8,
    /// Coded RPE pulses `xMc`, 3 bits each.
    pub xmc: [u8; 13],
}

/// One 20 ms frame's coded parameters.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct FrameParams {
    pub larc: [u8; 8],
    pub sub: [SubframeParams; 4],
}

/// A source of fixed-width unsigned fields (at most 8 bits each).
pub(super) trait BitReader {
    fn bits(&mut self, n: u32) -> u8;
}

/// Reads the parameters in transmission order from either layout.
pub(super) fn read_frame(r: &mut impl BitReader) -> FrameParams {
    let mut frame = FrameParams::default();
    for (larc, &n) in frame.larc.iter_mut().zip(&LAR_BITS) {
        *larc = r.bits(n);
    }
    for sub in &mut frame.sub {
        sub.nc = r.bits(7);
        sub.bc = r.bits(2);
        sub.mc = r.bits(2);
        sub.xmaxc = r.bits(6);
        for x in &mut sub.xmc {
            *x = r.bits(3);
        }
    }
    frame
}

fn mask(n: u32) -> u32 {
    (1u32 << n) - 1
}

/// MSB-first reader (the standard 33-byte frame). Past the end it yields zeros, so a caller's
/// mistake can never panic; the callers pass fixed-size arrays that are always long enough.
#[derive(Debug)]
pub(super) struct MsbFirst<'a> {
    bytes: &'a [u8],
    next: usize,
    acc: u32,
    have: u32,
}

impl<'a> MsbFirst<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        MsbFirst {
            bytes,
            next: 0,
            acc: 0,
            have: 0,
        }
    }
}

impl BitReader for MsbFirst<'_> {
    fn bits(&mut self, n: u32) -> u8 {
        while self.have < n {
            let byte = self.bytes.get(self.next).copied().unwrap_or(0);
            self.next += 1;
            self.acc = (self.acc << 8) | u32::from(byte);
            self.have += 8;
        }
        self.have -= n;
        let value = (self.acc >> self.have) & mask(n);
        // Drop the consumed bits so the accumulator never grows past 16 bits.
        self.acc &= mask(self.have);
        value as u8
    }
}

/// LSB-first reader (Microsoft's WAV49 block): each field's low bit comes first.
#[derive(Debug)]
pub(super) struct LsbFirst<'a> {
    bytes: &'a [u8],
    next: usize,
    acc: u32,
    have: u32,
}

impl<'a> LsbFirst<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        LsbFirst {
            bytes,
            next: 0,
            acc: 0,
            have: 0,
        }
    }
}

impl BitReader for LsbFirst<'_> {
    fn bits(&mut self, n: u32) -> u8 {
        while self.have < n {
            let byte = self.bytes.get(self.next).copied().unwrap_or(0);
            self.next += 1;
            self.acc |= u32::from(byte) << self.have;
            self.have += 8;
        }
        let value = self.acc & mask(n);
        self.acc >>= n;
        self.have -= n;
        value as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_orders() {
        let bytes = [0b1011_0010, 0b0110_0001];
        let mut msb = MsbFirst::new(&bytes);
        assert_eq!(msb.bits(4), 0b1011);
        assert_eq!(msb.bits(6), 0b00_1001);
        assert_eq!(msb.bits(6), 0b10_0001);
        let mut lsb = LsbFirst::new(&bytes);
        assert_eq!(lsb.bits(4), 0b0010);
        assert_eq!(lsb.bits(6), 0b01_1011);
        assert_eq!(lsb.bits(6), 0b01_1000);
        assert_eq!(lsb.bits(8), 0);
    }
}
