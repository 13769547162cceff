//! Writing what the readers found: new rows, changed files, moves recognised by content hash.

use std::collections::{HashMap, HashSet};

use super::read::Read;
use super::{ImportError, ImportOptions, ImportReport, Problem, call_facts, pattern, walk};
use crate::store::recordings::{self, AudioFacts, Known, NewRecording, RecordingStatus};
use crate::store::users::User;
use crate::store::{Db, audit_log};

pub struct Writer<'a> {
    pub db: &'a mut Db,
    pub actor: &'a User,
    pub options: &'a ImportOptions,
    pub pattern: &'a [pattern::Pattern],
    pub known: &'a HashMap<String, Known>,
    pub gone_by_hash: &'a mut HashMap<String, (i64, String)>,
    pub moved_ids: &'a mut HashSet<i64>,
    pub report: &'a mut ImportReport,
}

impl Writer<'_> {
    pub fn write(&mut self, found: &[walk::Found], batch: Vec<Read>) -> Result<(), ImportError> {
        let Writer {
            db,
            actor,
            options,
            pattern,
            known,
            gone_by_hash,
            moved_ids,
            report,
        } = self;
        db.write(|tx| {
            for read in batch {
                let file = &found[read.index];
                let path = file.path.to_string_lossy().into_owned();
                let call = call_facts(file, pattern, options);
                let new = match &read.result {
                    Ok((info, print)) => NewRecording {
                        path: path.clone(),
                        content_hash: Some(print.blake3_hex.clone()),
                        size_bytes: print.size_bytes,
                        mtime_ns: print.mtime_ns,
                        audio: AudioFacts {
                            container: Some(info.container.clone()),
                            codec: Some(info.codec.clone()),
                            sample_rate: Some(info.sample_rate),
                            channels: Some(info.channels),
                            duration_ms: Some(info.duration_ms),
                        },
                        call,
                        status: RecordingStatus::Ok,
                        problem: None,
                    },
                    Err(reason) => {
                        report.problems.push(Problem {
                            path: path.clone(),
                            reason: reason.clone(),
                        });
                        NewRecording {
                            path: path.clone(),
                            content_hash: read.hash_of_unreadable.clone(),
                            size_bytes: file.size,
                            mtime_ns: file.mtime_ns,
                            audio: AudioFacts::default(),
                            call,
                            status: RecordingStatus::Unreadable,
                            problem: Some(reason.clone()),
                        }
                    }
                };
                if let Some(row) = known.get(&path) {
                    recordings::update_file(tx, row.id, &new)?;
                    if new.status == RecordingStatus::Ok {
                        report.updated += 1;
                    }
                    continue;
                }
                let moved_from = new
                    .content_hash
                    .as_ref()
                    .and_then(|hash| gone_by_hash.remove(hash));
                if let Some((id, old_path)) = moved_from {
                    recordings::move_to(tx, id, &path, new.mtime_ns)?;
                    recordings::update_file(tx, id, &new)?;
                    audit_log::append(
                        tx,
                        actor,
                        "recording.move",
                        &format!("recording:{id}"),
                        &serde_json::json!({ "from": old_path, "to": path }),
                    )?;
                    moved_ids.insert(id);
                    report.moved += 1;
                    continue;
                }
                recordings::insert(tx, actor, &new)?;
                // An unreadable file gets a row (so it shows in Problems) but is counted there.
                if new.status == RecordingStatus::Ok {
                    report.added += 1;
                }
            }
            Ok::<_, ImportError>(())
        })
    }
}
