//! Who is acting: the local profile every write is recorded against.

use rusqlite::Connection;

use crate::store::users::{self, Role, User};
use crate::store::{Db, StoreError, StoreResult, settings};

/// The remembered current profile, if one was chosen and still exists.
pub fn current_user(conn: &Connection) -> StoreResult<Option<User>> {
    let Some(id) = settings::get(conn, settings::CURRENT_USER)? else {
        return Ok(None);
    };
    let Ok(id) = id.parse::<i64>() else {
        return Ok(None);
    };
    match users::get(conn, id) {
        Ok(user) => Ok(Some(user)),
        Err(StoreError::NotFound { .. }) => Ok(None),
        Err(other) => Err(other),
    }
}

/// Makes `user` the remembered current profile.
pub fn select_user(db: &mut Db, user_id: i64) -> StoreResult<User> {
    let user = users::get(db.conn(), user_id)?;
    db.write(|tx| settings::set(tx, settings::CURRENT_USER, &user.id.to_string()))?;
    Ok(user)
}

/// Creates a profile and makes it current. The first profile of a database creates itself.
pub fn create_user(
    db: &mut Db,
    acting: Option<&User>,
    name: &str,
    role: Role,
) -> StoreResult<User> {
    db.write(|tx| {
        let user = users::create(tx, name, role, acting)?;
        settings::set(tx, settings::CURRENT_USER, &user.id.to_string())?;
        Ok(user)
    })
}

/// Creates the profile of the library's agent named `agent` (it does not become current: the
/// lead making it keeps acting).
pub fn create_agent_profile(
    db: &mut Db,
    acting: &User,
    name: &str,
    agent: &str,
) -> StoreResult<User> {
    if !matches!(acting.role, Role::Admin | Role::Lead) {
        return Err(StoreError::Invalid(format!(
            "{} is a {}: an admin or a lead makes agents' profiles",
            acting.name,
            acting.role.as_str()
        )));
    }
    let agent_id = crate::store::parties::agent_id_by_name(db.conn(), agent)?.ok_or_else(|| {
        StoreError::NotFound {
            what: format!("agent {agent:?} in the library"),
        }
    })?;
    db.write(|tx| users::create_for_agent(tx, name, agent_id, acting))
}

/// The profile the command line acts as: the one named, else the current one, else (on a
/// database with no profiles yet) a new admin profile named after the operating-system user.
pub fn actor_for_cli(db: &mut Db, name: Option<&str>) -> StoreResult<User> {
    if let Some(name) = name {
        return users::find_by_name(db.conn(), name)?.ok_or_else(|| StoreError::NotFound {
            what: format!("profile {name:?} (create it with `hark user add`)"),
        });
    }
    if let Some(user) = current_user(db.conn())? {
        return Ok(user);
    }
    let existing = users::list(db.conn())?;
    match existing.as_slice() {
        [] => {
            let name = std::env::var("USER")
                .ok()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| "admin".to_owned());
            create_user(db, None, &name, Role::Admin)
        }
        [only] => Ok(only.clone()),
        _ => Err(StoreError::Invalid(
            "several profiles exist and none is current: pass --user NAME".into(),
        )),
    }
}
