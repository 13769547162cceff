//! The population a sample was drawn from, frozen into the sample: every eligible call with the
//! group and metric the draw saw, so `verify` and replacements re-draw from exactly it even
//! after agents are renamed, calls re-analysed or new calls imported.
//!
//! Layout (integers LEB128 as in `population_code`): the length of the id block, the id block
//! (`encode_population`), the group names (count, then length + UTF-8 each), per call its
//! group's index + 1 (0 for none), per call a metric flag byte (0 none, 1 present) followed by
//! the f64's 8 little-endian bytes when present. A sample's hash is BLAKE3 over all of it.

use super::Candidate;
use super::population_code::{
    PopulationCodeError, decode_population, encode_population, read_varint, write_varint,
};

#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    #[error("the stored population is damaged: {0}")]
    Damaged(String),
    #[error(transparent)]
    Ids(#[from] PopulationCodeError),
}

fn damaged(what: &str) -> SnapshotError {
    SnapshotError::Damaged(what.to_owned())
}

pub fn encode(population: &[Candidate]) -> Result<Vec<u8>, SnapshotError> {
    let ids: Vec<i64> = population.iter().map(|c| c.recording_id).collect();
    let id_block = encode_population(&ids)?;
    let mut out = Vec::with_capacity(id_block.len() * 2 + 16);
    write_varint(&mut out, id_block.len() as u64);
    out.extend_from_slice(&id_block);
    let mut names: Vec<&str> = population
        .iter()
        .filter_map(|c| c.group.as_deref())
        .collect();
    names.sort_unstable();
    names.dedup();
    write_varint(&mut out, names.len() as u64);
    for name in &names {
        write_varint(&mut out, name.len() as u64);
        out.extend_from_slice(name.as_bytes());
    }
    for candidate in population {
        let index = candidate
            .group
            .as_deref()
            .and_then(|g| names.binary_search(&g).ok())
            .map_or(0, |i| i as u64 + 1);
        write_varint(&mut out, index);
    }
    for candidate in population {
        match candidate.metric {
            Some(value) => {
                out.push(1);
                out.extend_from_slice(&value.to_le_bytes());
            }
            None => out.push(0),
        }
    }
    Ok(out)
}

/// `len` bytes from `at`, moving past them.
fn take<'a>(
    bytes: &'a [u8],
    at: &mut usize,
    len: u64,
    what: &str,
) -> Result<&'a [u8], SnapshotError> {
    let len = usize::try_from(len).map_err(|_| damaged(what))?;
    let end = at.checked_add(len).ok_or_else(|| damaged(what))?;
    let slice = bytes.get(*at..end).ok_or_else(|| damaged(what))?;
    *at = end;
    Ok(slice)
}

pub fn decode(bytes: &[u8]) -> Result<Vec<Candidate>, SnapshotError> {
    let mut at = 0;
    let id_len = read_varint(bytes, &mut at)?;
    let ids = decode_population(take(bytes, &mut at, id_len, "id block")?)?;
    let group_count = read_varint(bytes, &mut at)?;
    let mut names = Vec::new();
    for _ in 0..group_count {
        let len = read_varint(bytes, &mut at)?;
        let raw = take(bytes, &mut at, len, "group name")?;
        names.push(String::from_utf8(raw.to_vec()).map_err(|_| damaged("group name"))?);
    }
    let mut population = Vec::with_capacity(ids.len());
    for recording_id in ids {
        let group = match read_varint(bytes, &mut at)? {
            0 => None,
            index => Some(
                usize::try_from(index - 1)
                    .ok()
                    .and_then(|i| names.get(i))
                    .ok_or_else(|| damaged("group index"))?
                    .clone(),
            ),
        };
        population.push(Candidate {
            recording_id,
            group,
            metric: None,
        });
    }
    for candidate in &mut population {
        match take(bytes, &mut at, 1, "metric flag")? {
            [0] => {}
            [1] => {
                let mut le = [0u8; 8];
                le.copy_from_slice(take(bytes, &mut at, 8, "metric")?);
                candidate.metric = Some(f64::from_le_bytes(le));
            }
            _ => return Err(damaged("metric flag")),
        }
    }
    if at != bytes.len() {
        return Err(damaged("trailing bytes"));
    }
    Ok(population)
}
