mod cdr;
mod pattern;
mod rescan;
mod spool;
