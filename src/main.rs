//! The `hark` command line: parses arguments and calls the library; no domain logic here.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("hark: {error:#}");
            ExitCode::FAILURE
        }
    }
}
