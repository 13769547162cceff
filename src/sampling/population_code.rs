//! The population a sample was drawn from, stored compactly so `verify` can re-draw from
//! exactly it: ascending recording ids as the gaps between them (the first from 0), each an
//! unsigned LEB128 varint. Consecutive ids cost one byte each. The encoding of a set of ids
//! is unique (decoding rejects anything `encode_population` would not write), so its BLAKE3
//! hash identifies the population.

/// Why ids cannot be encoded, or bytes are not an encoded population.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PopulationCodeError {
    #[error("recording id {0} is negative")]
    NegativeId(i64),
    #[error("recording ids must be strictly ascending: {previous} then {next}")]
    NotAscending { previous: i64, next: i64 },
    #[error("the population ends inside a number (byte {0})")]
    Truncated(usize),
    #[error("the number at byte {0} is longer than any recording id")]
    Overflow(usize),
    #[error("the number at byte {0} is padded with zero bytes")]
    Overlong(usize),
    #[error("the gap at byte {0} is zero: a recording id repeats")]
    Repeated(usize),
}

/// Encodes strictly ascending, non-negative recording ids.
pub fn encode_population(ids: &[i64]) -> Result<Vec<u8>, PopulationCodeError> {
    let mut bytes = Vec::with_capacity(ids.len() + ids.len() / 4);
    let mut previous: Option<i64> = None;
    for &id in ids {
        if id < 0 {
            return Err(PopulationCodeError::NegativeId(id));
        }
        let gap = match previous {
            Some(previous) if id <= previous => {
                return Err(PopulationCodeError::NotAscending { previous, next: id });
            }
            Some(previous) => id - previous,
            None => id,
        };
        // Non-negative by the checks above.
        write_varint(&mut bytes, gap.unsigned_abs());
        previous = Some(id);
    }
    Ok(bytes)
}

/// Decodes what [`encode_population`] wrote; any other bytes are an error, never a panic.
pub fn decode_population(bytes: &[u8]) -> Result<Vec<i64>, PopulationCodeError> {
    let mut ids = Vec::with_capacity(bytes.len());
    let mut at = 0;
    let mut previous: Option<i64> = None;
    while at < bytes.len() {
        let start = at;
        let gap = read_varint(bytes, &mut at)?;
        if gap == 0 && previous.is_some() {
            return Err(PopulationCodeError::Repeated(start));
        }
        let id = i64::try_from(gap)
            .ok()
            .and_then(|gap| gap.checked_add(previous.unwrap_or(0)))
            .ok_or(PopulationCodeError::Overflow(start))?;
        ids.push(id);
        previous = Some(id);
    }
    Ok(ids)
}

/// The BLAKE3 hash of an encoded population, in lowercase hex.
pub fn population_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

pub(super) fn write_varint(bytes: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        bytes.push((value & 0x7f) as u8 | 0x80);
        value >>= 7;
    }
    bytes.push(value as u8);
}

pub(super) fn read_varint(bytes: &[u8], at: &mut usize) -> Result<u64, PopulationCodeError> {
    let start = *at;
    let mut value: u64 = 0;
    let mut shift = 0;
    loop {
        let Some(&byte) = bytes.get(*at) else {
            return Err(PopulationCodeError::Truncated(start));
        };
        *at += 1;
        let payload = u64::from(byte & 0x7f);
        // The tenth byte holds bit 63 only; anything more does not fit in 64 bits.
        if shift == 63 && payload > 1 {
            return Err(PopulationCodeError::Overflow(start));
        }
        value |= payload << shift;
        if byte & 0x80 == 0 {
            // A last byte of zero after others adds nothing: the writer never emits it.
            if byte == 0 && *at - start > 1 {
                return Err(PopulationCodeError::Overlong(start));
            }
            return Ok(value);
        }
        shift += 7;
        if shift > 63 {
            return Err(PopulationCodeError::Overflow(start));
        }
    }
}
