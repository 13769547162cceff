//! What the desktop app needs to know when it starts.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::demo;
use crate::session;
use crate::store::users::{self, User};
use crate::store::{Db, StoreResult, recordings, settings};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub db_path: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    pub current_user: Option<User>,
    pub users: Vec<User>,
    #[ts(type = "number")]
    pub recording_count: i64,
    pub locale: Option<String>,
    pub demo_available: bool,
}

pub fn status(db: &Db) -> StoreResult<AppStatus> {
    let conn = db.conn();
    Ok(AppStatus {
        db_path: db.path().to_string_lossy().into_owned(),
        schema_version: db.schema_version()?,
        current_user: session::current_user(conn)?,
        users: users::list(conn)?,
        recording_count: recordings::count(conn)?,
        locale: settings::get(conn, settings::LOCALE)?,
        demo_available: demo::is_available(&demo::default_dir()),
    })
}

/// Remembers the interface language (a BCP 47 tag such as `en` or `fa`).
pub fn set_locale(db: &mut Db, locale: &str) -> StoreResult<()> {
    let valid = !locale.is_empty()
        && locale.len() <= 35
        && locale
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !valid {
        return Err(crate::store::StoreError::Invalid(format!(
            "{locale:?} is not a language tag"
        )));
    }
    db.write(|tx| settings::set(tx, settings::LOCALE, locale))
}
