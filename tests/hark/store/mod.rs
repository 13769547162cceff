mod audit_log;
mod migrate;
mod users;
