//! The call page: one recording with its speech metrics.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::analysis::Metrics;
use crate::library::{self, LibraryRow};
use crate::store::{StoreResult, metrics};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallDetail {
    pub recording: LibraryRow,
    /// `None` until the recording has been analysed (the app analyses it when it is opened).
    pub metrics: Option<Metrics>,
}

/// The recording and its stored metrics; `None` when no recording has this id.
pub fn detail(conn: &Connection, recording_id: i64) -> StoreResult<Option<CallDetail>> {
    let Some(recording) = library::row(conn, recording_id)? else {
        return Ok(None);
    };
    let metrics = metrics::get(conn, recording_id)?.map(|stored| stored.metrics);
    Ok(Some(CallDetail { recording, metrics }))
}
