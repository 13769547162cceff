//! Reading files on worker threads (probe and content hash, read-only) while one thread, the
//! caller's, owns the database and writes the results in batches.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::{ImportError, walk};
use crate::audio;
use crate::fingerprint::{Fingerprint, fingerprint};

/// What a reader thread learnt about one file.
pub struct Read {
    pub index: usize,
    pub result: Result<(audio::AudioInfo, Fingerprint), String>,
    pub hash_of_unreadable: Option<String>,
}

/// Writes are committed in batches this large (or this often), so a crash loses little and
/// the Library fills in as the import goes.
const BATCH: usize = 500;
const BATCH_TIME: Duration = Duration::from_millis(250);

/// Reads (probe + hash) the files at `indexes` on reader threads and hands the results to
/// `write` in batches on this thread, which owns the database.
pub fn read_in_parallel(
    found: &[walk::Found],
    indexes: &[usize],
    threads: usize,
    cancel: &AtomicBool,
    mut write: impl FnMut(Vec<Read>, u64) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
        n => n,
    };
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::sync_channel::<Read>(BATCH * 2);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || {
                loop {
                    if cancel.load(Ordering::Relaxed) {
                        break;
                    }
                    let slot = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&index) = indexes.get(slot) else {
                        break;
                    };
                    let read = read_one(index, &found[index].path);
                    if sender.send(read).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut batch = Vec::with_capacity(BATCH);
        let mut done = 0u64;
        let mut last_flush = Instant::now();
        for read in receiver.iter() {
            batch.push(read);
            done += 1;
            if batch.len() >= BATCH || last_flush.elapsed() >= BATCH_TIME {
                write(std::mem::take(&mut batch), done)?;
                last_flush = Instant::now();
            }
        }
        if !batch.is_empty() || done == 0 {
            write(batch, done)?;
        }
        Ok(())
    })
}

fn read_one(index: usize, path: &Path) -> Read {
    let probed = audio::probe(path).map_err(|e| reason_of(&e.to_string(), path));
    match probed {
        Ok(info) => Read {
            index,
            result: fingerprint(path)
                .map(|print| (info, print))
                .map_err(|e| reason_of(&e.to_string(), path)),
            hash_of_unreadable: None,
        },
        Err(reason) => Read {
            index,
            result: Err(reason),
            hash_of_unreadable: fingerprint(path).ok().map(|p| p.blake3_hex),
        },
    }
}

/// An error message without the path at its front (the Problems list shows the path beside it).
fn reason_of(message: &str, path: &Path) -> String {
    let prefix = format!("{}: ", path.display());
    message.strip_prefix(&prefix).unwrap_or(message).to_owned()
}
