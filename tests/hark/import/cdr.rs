use hark::import::cdr::{self, CdrFormat, ColumnMapping};
use hark::store::recordings::Direction;

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

#[test]
fn asterisk_master_csv_is_read_in_its_fixed_columns() {
    let dir = tempfile::tempdir().expect("dir");
    let path = write(&dir, "Master.csv", br#""","5555550123","600","from-trunk","""Ann"" <5555550123>","PJSIP/trunk-0003","PJSIP/4403-0004","Queue","600,t,,,300","2026-11-02 14:31:10","2026-11-02 14:31:12","2026-11-02 14:31:53",43,41,"ANSWERED","DOCUMENTATION","1762093872.58",""
"#);
    let (rows, mapping) = cdr::read(&path, &CdrFormat::AsteriskMaster, 210).expect("read");
    assert!(mapping.is_none());
    let row = &rows[0];
    assert_eq!(row.call_id.as_deref(), Some("1762093872.58"));
    assert_eq!(row.agent.as_deref(), Some("4403"));
    assert_eq!(row.queue.as_deref(), Some("600"));
    assert_eq!(row.caller.as_deref(), Some("5555550123"));
    assert_eq!(row.disposition.as_deref(), Some("ANSWERED"));
    assert_eq!(row.duration_s, Some(41.0));
    let start = row.start.expect("start");
    assert_eq!(start.to_rfc3339(), "2026-11-02T14:31:10+03:30");
}

#[test]
fn a_vendor_csv_with_bom_semicolons_quoted_newlines_and_rtl_names_is_read() {
    let dir = tempfile::tempdir().expect("dir");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(
        "Call ID;Start Time;Agent Name;Queue;Direction;Result;From;To;Talk Time\n\
         A-1;2026-11-02T09:14:03+03:30;سارا احمدی;billing;inbound;\"resolved,\nfollow-up sent\";+989121234567;4401;0:37\n\
         A-2;2026-11-02 10:00:00;ליאת כהן;support;out;escalated;4402;+972501234567;125\n"
            .as_bytes(),
    );
    let path = write(&dir, "vendor.csv", &bytes);
    let (rows, mapping) = cdr::read(&path, &CdrFormat::Mapped(None), 0).expect("read");
    let mapping = mapping.expect("guessed");
    assert_eq!(mapping.call_id.as_deref(), Some("Call ID"));
    assert_eq!(mapping.agent.as_deref(), Some("Agent Name"));
    assert_eq!(mapping.duration.as_deref(), Some("Talk Time"));
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].agent.as_deref(), Some("سارا احمدی"));
    assert_eq!(
        rows[0].disposition.as_deref(),
        Some("resolved,\nfollow-up sent")
    );
    assert_eq!(rows[0].duration_s, Some(37.0));
    assert_eq!(rows[1].agent.as_deref(), Some("ליאת כהן"));
    assert_eq!(rows[1].direction, Some(Direction::Outbound));
    // Rows are numbered as a spreadsheet shows them: a quoted newline stays inside its row.
    assert_eq!(rows[1].row, 3);
}

#[test]
fn bad_values_and_missing_columns_name_the_row_and_column() {
    let dir = tempfile::tempdir().expect("dir");
    let path = write(
        &dir,
        "bad.csv",
        b"call id,start,direction\nX1,2026-11-02 09:00:00,inbound\nX2,yesterday-ish,inbound\n",
    );
    let error = cdr::read(&path, &CdrFormat::Mapped(None), 0).expect_err("bad start");
    let message = error.to_string();
    assert!(
        message.contains("bad.csv") && message.contains("row 3") && message.contains("\"start\""),
        "{message}"
    );
    assert!(message.contains("yesterday-ish"), "{message}");

    let path = write(&dir, "dir.csv", b"call id,direction\nX1,sideways\n");
    let message = cdr::read(&path, &CdrFormat::Mapped(None), 0)
        .expect_err("bad direction")
        .to_string();
    assert!(
        message.contains("row 2")
            && message.contains("\"direction\"")
            && message.contains("sideways"),
        "{message}"
    );

    let mapping = ColumnMapping {
        call_id: Some("Ref".into()),
        start: Some("Begin".into()),
        ..ColumnMapping::default()
    };
    let path = write(&dir, "cols.csv", b"Ref,When\n1,2026-11-02 09:00:00\n");
    let message = cdr::read(&path, &CdrFormat::Mapped(Some(Box::new(mapping))), 0)
        .expect_err("missing column")
        .to_string();
    assert!(
        message.contains("no column \"Begin\"") && message.contains("Ref, When"),
        "{message}"
    );

    let path = write(&dir, "short.csv", b"\"\",\"555\",\"4401\"\n");
    let message = cdr::read(&path, &CdrFormat::AsteriskMaster, 0)
        .expect_err("short row")
        .to_string();
    assert!(
        message.contains("row 1") && message.contains("3 columns"),
        "{message}"
    );
}
