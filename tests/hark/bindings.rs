//! The TypeScript types in `ui/src/lib/bindings/` are generated from the Rust types. This test
//! fails when they are stale; run it with `HARK_UPDATE_BINDINGS=1` to rewrite them.

use std::path::Path;

#[test]
fn typescript_bindings_are_up_to_date() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings");
    let update = std::env::var_os("HARK_UPDATE_BINDINGS").is_some();
    let files = hark::bindings::typescript_files().expect("export bindings");
    let mut stale = Vec::new();
    for (relative, contents) in &files {
        let path = dir.join(relative);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != *contents {
            if update {
                std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
                std::fs::write(&path, contents).expect("write binding");
            } else {
                stale.push(relative.display().to_string());
            }
        }
    }
    // A .ts file no Rust type generates is stale too.
    for entry in std::fs::read_dir(&dir).expect("bindings folder") {
        let path = entry.expect("entry").path();
        let relative = path.strip_prefix(&dir).expect("inside").to_path_buf();
        if !files.iter().any(|(generated, _)| *generated == relative) {
            if update {
                std::fs::remove_file(&path).expect("remove stale binding");
            } else {
                stale.push(relative.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale TypeScript bindings {stale:?}: run `HARK_UPDATE_BINDINGS=1 cargo test --test hark bindings`"
    );
}
