//! Command-line options of the desktop app: `--db PATH` and `--demo`.

use std::ffi::OsString;
use std::path::PathBuf;

use hark::store::{self, Db};
use hark::{demo, session};

pub const USAGE: &str = "usage: hark-desktop [--db PATH] [--demo]\n  \
    --db PATH  the database file (default: HARK_DB, else the user's data directory)\n  \
    --demo     on a database with no recordings, load the demo library (as the current or a new admin profile)";

#[derive(Debug, Default)]
pub struct Options {
    db: Option<PathBuf>,
    demo: bool,
}

impl Options {
    pub fn from_args(args: impl Iterator<Item = OsString>) -> Result<Options, String> {
        let mut options = Options::default();
        let mut args = args;
        while let Some(arg) = args.next() {
            match arg.to_str() {
                Some("--db") => {
                    let path = args.next().ok_or("--db needs a path")?;
                    options.db = Some(PathBuf::from(path));
                }
                Some("--demo") => options.demo = true,
                Some("--help" | "-h") => return Err("help".into()),
                _ => return Err(format!("unknown argument {}", arg.to_string_lossy())),
            }
        }
        Ok(options)
    }

    pub fn open_db(&self) -> Result<Db, hark::Error> {
        let path = store::resolve_path(self.db.as_deref())?;
        let mut db = Db::open(&path)?;
        if self.demo && store::recordings::count(db.conn())? == 0 {
            let actor = session::actor_for_cli(&mut db, None)?;
            demo::load(&mut db, &actor, &demo::default_dir())?;
        }
        Ok(db)
    }
}
