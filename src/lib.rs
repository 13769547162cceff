//! Hark: quality assurance of recorded calls. This library holds all of Hark's domain logic;
//! the `hark` command line and the desktop shell (`src-tauri`) only translate to and from it.

pub mod analysis;
pub mod app;
pub mod audio;
pub mod bench;
pub mod bindings;
pub mod call;
pub mod demo;
pub mod error;
pub mod evaluation;
pub mod fingerprint;
pub mod import;
pub mod library;
pub mod player;
pub mod sampling;
pub mod scorecard;
pub mod session;
pub mod store;
pub mod synthetic;
pub mod waveform;

pub use error::{Error, Result};
