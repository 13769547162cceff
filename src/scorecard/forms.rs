//! Keeping forms: creating, editing (in place while no evaluation uses the newest version, as a
//! new version once one does), importing and exporting. Each change is audited in its
//! transaction.

use std::path::Path;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ScorecardDefinition, ScorecardError, file, templates};
use crate::store::scorecards::{self, ScorecardSummary, StoredVersion};
use crate::store::users::{Role, User};
use crate::store::{Db, audit_log};

/// One version of a form, as the designer and the evaluation form use it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FormVersion {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub scorecard_id: i64,
    pub version: u32,
    pub definition: ScorecardDefinition,
    /// Used by an evaluation: editing makes a new version.
    pub frozen: bool,
    pub evaluations: u32,
    pub updated_at: String,
}

/// What saving a form did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SaveOutcome {
    pub form: FormVersion,
    /// True when the change made a new version (the previous one was in use).
    pub new_version: bool,
    /// True when nothing differed from the newest version (nothing was written).
    pub unchanged: bool,
}

impl FormVersion {
    fn from_stored(stored: StoredVersion) -> Result<FormVersion, ScorecardError> {
        let definition = serde_json::from_str(&stored.definition).map_err(|e| {
            ScorecardError::Invalid(format!(
                "scorecard {:?} version {}: the stored form cannot be read: {e}",
                stored.name, stored.version
            ))
        })?;
        Ok(FormVersion {
            id: stored.id,
            scorecard_id: stored.scorecard_id,
            version: stored.version,
            definition,
            frozen: stored.evaluations > 0,
            evaluations: stored.evaluations,
            updated_at: stored.updated_at,
        })
    }
}

/// Only admins and leads design forms.
pub fn ensure_designer(actor: &User) -> Result<(), ScorecardError> {
    match actor.role {
        Role::Admin | Role::Lead => Ok(()),
        _ => Err(ScorecardError::NotAllowed(format!(
            "{} is a {}: only an admin or a lead edits scorecards",
            actor.name,
            actor.role.as_str()
        ))),
    }
}

pub fn list(conn: &Connection) -> Result<Vec<ScorecardSummary>, ScorecardError> {
    Ok(scorecards::list(conn)?)
}

pub fn version(conn: &Connection, version_id: i64) -> Result<FormVersion, ScorecardError> {
    FormVersion::from_stored(scorecards::version(conn, version_id)?)
}

pub fn latest(conn: &Connection, scorecard_id: i64) -> Result<FormVersion, ScorecardError> {
    FormVersion::from_stored(scorecards::latest_version(conn, scorecard_id)?)
}

/// Every version of a form, oldest first.
pub fn versions(conn: &Connection, scorecard_id: i64) -> Result<Vec<FormVersion>, ScorecardError> {
    scorecards::versions(conn, scorecard_id)?
        .into_iter()
        .map(FormVersion::from_stored)
        .collect()
}

/// The form named `name`, its newest version or the one numbered `version`.
pub fn find(
    conn: &Connection,
    name: &str,
    version: Option<u32>,
) -> Result<FormVersion, ScorecardError> {
    let stored = scorecards::find_version(conn, name, version)?.ok_or_else(|| {
        ScorecardError::Invalid(match version {
            Some(v) => format!("no scorecard {name:?} with a version {v}"),
            None => format!("no scorecard named {name:?}"),
        })
    })?;
    FormVersion::from_stored(stored)
}

fn prepared(
    mut definition: ScorecardDefinition,
) -> Result<(ScorecardDefinition, String), ScorecardError> {
    definition.name = definition.name.trim().to_owned();
    definition.fill_keys();
    definition.validate()?;
    let json = serde_json::to_string(&definition)
        .map_err(|e| ScorecardError::Invalid(format!("scorecard: {e}")))?;
    Ok((definition, json))
}

fn name_taken(conn: &Connection, name: &str, except: Option<i64>) -> Result<(), ScorecardError> {
    match scorecards::scorecard_id_by_name(conn, name)? {
        Some(id) if Some(id) != except => Err(ScorecardError::Invalid(format!(
            "a scorecard named {name:?} already exists"
        ))),
        _ => Ok(()),
    }
}

/// A new form, version 1.
pub fn create(
    db: &mut Db,
    actor: &User,
    definition: ScorecardDefinition,
) -> Result<FormVersion, ScorecardError> {
    ensure_designer(actor)?;
    insert_new(db, actor, definition)
}

fn insert_new(
    db: &mut Db,
    actor: &User,
    definition: ScorecardDefinition,
) -> Result<FormVersion, ScorecardError> {
    let (definition, json) = prepared(definition)?;
    name_taken(db.conn(), &definition.name, None)?;
    let version_id = db.write(|tx| -> Result<i64, ScorecardError> {
        let version_id = scorecards::insert(tx, &definition.name, &json, actor.id)?;
        audit_log::append(
            tx,
            actor,
            "scorecard.create",
            &format!("scorecard-version:{version_id}"),
            &serde_json::json!({ "name": definition.name, "version": 1 }),
        )?;
        Ok(version_id)
    })?;
    version(db.conn(), version_id)
}

/// Saves an edited form: in place while no evaluation uses its newest version, else as a new
/// version (the used one stays frozen).
pub fn save(
    db: &mut Db,
    actor: &User,
    scorecard_id: i64,
    definition: ScorecardDefinition,
) -> Result<SaveOutcome, ScorecardError> {
    ensure_designer(actor)?;
    let (definition, json) = prepared(definition)?;
    name_taken(db.conn(), &definition.name, Some(scorecard_id))?;
    let newest = latest(db.conn(), scorecard_id)?;
    if newest.definition == definition {
        return Ok(SaveOutcome {
            form: newest,
            new_version: false,
            unchanged: true,
        });
    }
    let new_version = newest.frozen;
    let version_id = db.write(|tx| -> Result<i64, ScorecardError> {
        let (version_id, number) = if new_version {
            let number = newest.version + 1;
            let id = scorecards::insert_version(tx, scorecard_id, number, &json, actor.id)?;
            (id, number)
        } else {
            scorecards::update_version(tx, newest.id, &json)?;
            (newest.id, newest.version)
        };
        scorecards::rename(tx, scorecard_id, &definition.name)?;
        audit_log::append(
            tx,
            actor,
            if new_version {
                "scorecard.version"
            } else {
                "scorecard.edit"
            },
            &format!("scorecard-version:{version_id}"),
            &serde_json::json!({ "name": definition.name, "version": number }),
        )?;
        Ok(version_id)
    })?;
    Ok(SaveOutcome {
        form: version(db.conn(), version_id)?,
        new_version,
        unchanged: false,
    })
}

/// Imports a form from JSON text: a new form, or, when one of that name exists, saved as its
/// next version (nothing is written when it is the same as the newest).
pub fn import_text(
    db: &mut Db,
    actor: &User,
    text: &str,
    origin: &str,
) -> Result<SaveOutcome, ScorecardError> {
    let definition = file::parse(text, origin)?;
    match scorecards::scorecard_id_by_name(db.conn(), &definition.name)? {
        Some(id) => save(db, actor, id, definition),
        None => Ok(SaveOutcome {
            form: create(db, actor, definition)?,
            new_version: false,
            unchanged: false,
        }),
    }
}

pub fn import_file(db: &mut Db, actor: &User, path: &Path) -> Result<SaveOutcome, ScorecardError> {
    let origin = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ScorecardError::File {
        path: origin.clone(),
        reason: e.to_string(),
    })?;
    import_text(db, actor, &text, &origin)
}

/// The JSON file of a form version.
pub fn export(form: &FormVersion) -> String {
    file::to_json(&form.definition, Some(form.version))
}

/// Adds the ready templates (customer service, sales compliance, collections compliance)
/// whose names are not taken yet; returns the forms added. Anyone may: they are Hark's own
/// forms, added as the demo library is.
pub fn install_templates(db: &mut Db, actor: &User) -> Result<Vec<FormVersion>, ScorecardError> {
    let mut added = Vec::new();
    for template in &templates::TEMPLATES {
        let definition = templates::definition(template)?;
        if scorecards::scorecard_id_by_name(db.conn(), &definition.name)?.is_none() {
            added.push(insert_new(db, actor, definition)?);
        }
    }
    Ok(added)
}

pub fn set_archived(
    db: &mut Db,
    actor: &User,
    scorecard_id: i64,
    archived: bool,
) -> Result<(), ScorecardError> {
    ensure_designer(actor)?;
    let form = latest(db.conn(), scorecard_id)?;
    db.write(|tx| -> Result<(), ScorecardError> {
        scorecards::set_archived(tx, scorecard_id, archived)?;
        audit_log::append(
            tx,
            actor,
            if archived {
                "scorecard.archive"
            } else {
                "scorecard.restore"
            },
            &format!("scorecard:{scorecard_id}"),
            &serde_json::json!({ "name": form.definition.name }),
        )?;
        Ok(())
    })
}
