use hark::import::pattern::{self, Pattern};
use hark::store::recordings::Direction;

#[test]
fn asterisk_names_give_direction_numbers_queue_time_and_call_id() {
    let asterisk = pattern::asterisk().expect("built in");
    let cases = [
        (
            "2026/11/02/in-4401-5555550142-20261102-091405-1762086583.42.wav",
            Direction::Inbound,
            None,
            Some("4401"),
            Some("5555550142"),
        ),
        (
            "out-5555550177-4403-20261103-112009-1762169209.104.wav",
            Direction::Outbound,
            None,
            Some("5555550177"),
            Some("4403"),
        ),
        (
            "q-600-5555550123-20261102-143112-1762093872.58.mp3",
            Direction::Inbound,
            Some("600"),
            None,
            Some("5555550123"),
        ),
        (
            "rg-700-5555550150-20261104-130755-1762261675.66.wav",
            Direction::Inbound,
            Some("700"),
            None,
            Some("5555550150"),
        ),
        (
            "exten-4402-4401-20261103-100000-1762164000.5.WAV",
            Direction::Internal,
            None,
            Some("4402"),
            Some("4401"),
        ),
    ];
    for (name, direction, queue, callee, caller) in cases {
        let got = asterisk
            .extract(name)
            .unwrap_or_else(|| panic!("{name} matches"));
        assert_eq!(got.direction, Some(direction), "{name}");
        assert_eq!(got.queue.as_deref(), queue, "{name}");
        assert_eq!(got.callee.as_deref(), callee, "{name}");
        assert_eq!(got.caller.as_deref(), caller, "{name}");
        assert!(
            got.unique_id.as_deref().is_some_and(|id| id.contains('.')),
            "{name}"
        );
        assert!(got.local_start.is_some(), "{name}");
    }
    let first = asterisk.extract(cases[0].0).expect("match");
    assert_eq!(first.local_start.as_deref(), Some("2026-11-02T09:14:05"));
    assert_eq!(first.unique_id.as_deref(), Some("1762086583.42"));
    assert!(asterisk.extract("holiday-photo.wav").is_none());
}

#[test]
fn a_user_template_reads_folders_too() {
    let template = "{date:%Y-%m-%d}/{agent}_{time:%H%M%S}_{caller}";
    let pattern = Pattern::from_template("vendor", template).expect("compiles");
    let got = pattern
        .extract("deliveries/2026-11-05/Мария Иванова_142233_+35929000111.mp3")
        .expect("match");
    assert_eq!(got.agent.as_deref(), Some("Мария Иванова"));
    assert_eq!(got.caller.as_deref(), Some("+35929000111"));
    assert_eq!(got.local_start.as_deref(), Some("2026-11-05T14:22:33"));
}

#[test]
fn the_generic_pattern_finds_a_date_and_time_anywhere() {
    let generic = pattern::generic_datetime().expect("built in");
    for (name, start) in [
        ("تماس مشتری 20261102-101500.wav", "2026-11-02T10:15:00"),
        ("rec_2026-11-02_09-14-05_agent7.mp3", "2026-11-02T09:14:05"),
        ("2026-11-02 09.14.05 call.flac", "2026-11-02T09:14:05"),
    ] {
        let got = generic.extract(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(got.local_start.as_deref(), Some(start), "{name}");
    }
}

#[test]
fn bad_templates_say_what_is_wrong() {
    let unknown = Pattern::from_template("x", "{colour}-{time:%H%M%S}").expect_err("unknown field");
    assert!(
        unknown.to_string().contains("unknown field {colour}"),
        "{unknown}"
    );
    let no_format = Pattern::from_template("x", "{date}").expect_err("needs a format");
    assert!(
        no_format.to_string().contains("needs a format"),
        "{no_format}"
    );
    let open = Pattern::from_template("x", "{caller").expect_err("unclosed");
    assert!(open.to_string().contains("no closing"), "{open}");
    let named = Pattern::named_or_template("nonsense").expect_err("neither");
    assert!(
        named.to_string().contains("not a built-in pattern"),
        "{named}"
    );
}

#[test]
fn the_automatic_pattern_tries_asterisk_then_any_date() {
    let automatic = Pattern::named_or_template("").expect("automatic");
    let asterisk = automatic
        .extract("q-600-5555550123-20261102-143112-1762093872.58.mp3")
        .expect("asterisk name");
    assert_eq!(asterisk.queue.as_deref(), Some("600"));
    let generic = automatic
        .extract("call 2026-11-02_09-14-05.wav")
        .expect("date name");
    assert_eq!(generic.local_start.as_deref(), Some("2026-11-02T09:14:05"));
}
