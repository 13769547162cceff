//! Local profiles. Every write in Hark records which profile made it.

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{StoreError, StoreResult, audit_log};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Reviewer,
    Lead,
    Auditor,
    Admin,
    /// A call-centre agent: sees and acknowledges or disputes their own evaluations.
    Agent,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Reviewer,
        Role::Lead,
        Role::Auditor,
        Role::Admin,
        Role::Agent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reviewer => "reviewer",
            Role::Lead => "lead",
            Role::Auditor => "auditor",
            Role::Admin => "admin",
            Role::Agent => "agent",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct User {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub role: Role,
    /// For an agent's profile: the agent it is.
    #[ts(type = "number | null")]
    #[serde(default)]
    pub agent_id: Option<i64>,
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<User> {
    let role: String = row.get(2)?;
    let role = Role::parse(&role).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            2,
            rusqlite::types::Type::Text,
            format!("unknown role {role:?}").into(),
        )
    })?;
    Ok(User {
        id: row.get(0)?,
        name: row.get(1)?,
        role,
        agent_id: row.get(3)?,
    })
}

pub fn list(conn: &Connection) -> StoreResult<Vec<User>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, name, role, agent_id FROM users ORDER BY name")?;
    let users = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(users)
}

pub fn get(conn: &Connection, id: i64) -> StoreResult<User> {
    conn.query_row(
        "SELECT id, name, role, agent_id FROM users WHERE id = ?1",
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        what: format!("profile #{id}"),
    })
}

pub fn find_by_name(conn: &Connection, name: &str) -> StoreResult<Option<User>> {
    Ok(conn
        .query_row(
            "SELECT id, name, role, agent_id FROM users WHERE name = ?1",
            [name],
            from_row,
        )
        .optional()?)
}

/// Creates a profile. `created_by` is the profile making it; `None` only for the very first
/// profile of a database, which creates itself. Agents' profiles are made by
/// [`create_for_agent`].
pub fn create(
    tx: &Transaction<'_>,
    name: &str,
    role: Role,
    created_by: Option<&User>,
) -> StoreResult<User> {
    if role == Role::Agent {
        return Err(StoreError::Invalid(
            "an agent's profile is made for an agent of the library (hark user add NAME --role \
             agent --agent AGENT)"
                .into(),
        ));
    }
    insert(tx, name, role, None, created_by)
}

/// Creates the profile of the library's agent `agent_id`, so they can acknowledge and dispute
/// their evaluations.
pub fn create_for_agent(
    tx: &Transaction<'_>,
    name: &str,
    agent_id: i64,
    created_by: &User,
) -> StoreResult<User> {
    let taken: Option<String> = tx
        .query_row(
            "SELECT name FROM users WHERE agent_id = ?1",
            [agent_id],
            |row| row.get(0),
        )
        .optional()?;
    if let Some(profile) = taken {
        return Err(StoreError::Invalid(format!(
            "this agent already has a profile: {profile:?}"
        )));
    }
    insert(tx, name, Role::Agent, Some(agent_id), Some(created_by))
}

fn insert(
    tx: &Transaction<'_>,
    name: &str,
    role: Role,
    agent_id: Option<i64>,
    created_by: Option<&User>,
) -> StoreResult<User> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::Invalid("a profile needs a name".into()));
    }
    if find_by_name(tx, name)?.is_some() {
        return Err(StoreError::Invalid(format!(
            "a profile named {name:?} already exists"
        )));
    }
    tx.execute(
        "INSERT INTO users (name, role, created_at, agent_id) VALUES (?1, ?2, ?3, ?4)",
        params![name, role.as_str(), audit_log::now_rfc3339(), agent_id],
    )?;
    let user = User {
        id: tx.last_insert_rowid(),
        name: name.to_owned(),
        role,
        agent_id,
    };
    let actor = created_by.unwrap_or(&user);
    audit_log::append(
        tx,
        actor,
        "user.create",
        &format!("user:{}", user.id),
        &serde_json::json!({ "name": user.name, "role": role.as_str(), "agentId": agent_id }),
    )?;
    Ok(user)
}
