//! Host settings: what a portal writes on the widget's element, and what the widget makes of it.

use autodiag_core::config::{accent, contrast, HostConfig, Modes, MIN_CONTRAST};
use autodiag_core::i18n::Lang;
use autodiag_core::model::Mode;

fn read(pairs: &[(&str, &str)]) -> (HostConfig, Vec<String>) {
    HostConfig::read(|name| {
        pairs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    })
}

#[test]
fn no_attributes_give_the_defaults() {
    let (c, warnings) = read(&[]);
    assert_eq!(c, HostConfig::default());
    assert_eq!(c.namespace, "default");
    assert_eq!(c.lang, Lang::Fr);
    assert!(c.intro && !c.standalone && c.accent.is_none());
    assert!(warnings.is_empty());
}

#[test]
fn every_attribute_is_read() {
    let (c, warnings) = read(&[
        ("data-namespace", "agence-est_2"),
        ("data-lang", "en"),
        ("data-modes", "quick"),
        ("data-intro", "false"),
        ("data-accent", "#005A9C"),
        ("data-standalone", ""),
    ]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(c.namespace, "agence-est_2");
    assert_eq!(c.lang, Lang::En);
    assert_eq!(c.modes, Modes::Only(Mode::Quick));
    assert!(!c.intro);
    assert_eq!(c.accent.map(|a| a.strong).as_deref(), Some("#005a9c"));
    assert!(c.standalone);
}

#[test]
fn modes_limit_what_a_new_assessment_may_use() {
    assert!(Modes::Both.allows(Mode::Quick) && Modes::Both.allows(Mode::Full));
    assert!(!Modes::Only(Mode::Full).allows(Mode::Quick));
    assert_eq!(Modes::Only(Mode::Full).first(), Mode::Full);
    assert_eq!(read(&[("data-modes", "both")]).0.modes, Modes::Both);
}

#[test]
fn values_that_cannot_be_honoured_are_ignored_with_a_warning() {
    let (c, warnings) = read(&[
        ("data-namespace", "a b"),
        ("data-lang", "de"),
        ("data-modes", "fast"),
        ("data-intro", "maybe"),
        ("data-accent", "red; background: url(x)"),
    ]);
    assert_eq!(
        HostConfig {
            standalone: false,
            ..c.clone()
        },
        HostConfig::default()
    );
    assert_eq!(warnings.len(), 5, "{warnings:?}");
    assert!(warnings[0].contains("data-namespace=\"a b\""));
    let long = "n".repeat(41);
    assert_eq!(read(&[("data-namespace", &long)]).0.namespace, "default");
}

#[test]
fn an_accent_must_be_a_hex_colour_dark_enough_for_text() {
    let a = accent("#0f5c4f").unwrap();
    assert_eq!(a.strong, "#0f5c4f");
    assert_eq!(a.soft, "#e7efed");
    assert_eq!(
        a.css(),
        ".autodiag{--ad-accent:#0f5c4f;--ad-accent-soft:#e7efed}"
    );
    assert_eq!(accent(" #036 ").unwrap().strong, "#003366");
    assert!(accent("#ffcc00").is_err(), "yellow: unreadable");
    assert!(
        accent("#767676").is_err(),
        "4.54:1 on white, but under 4.5:1 on its own tint"
    );
    // Every accepted colour keeps its promise: text in it on its tint, and white on it.
    for v in (0..=255u8).step_by(17) {
        for hex in [
            format!("#{v:02x}{v:02x}{v:02x}"),
            format!("#00{v:02x}80"),
            format!("#{v:02x}3000"),
        ] {
            if let Ok(a) = accent(&hex) {
                let rgb =
                    |s: &str| [1, 3, 5].map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap());
                assert!(
                    contrast(rgb(&a.strong), rgb(&a.soft)) >= MIN_CONTRAST,
                    "{hex}"
                );
                assert!(contrast(rgb(&a.strong), [255; 3]) >= MIN_CONTRAST, "{hex}");
            }
        }
    }
    for bad in [
        "",
        "#",
        "#12",
        "#1234",
        "#gggggg",
        "0f5c4f",
        "rgb(0,0,0)",
        "#00000é",
    ] {
        assert!(accent(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn contrast_matches_wcag_reference_values() {
    assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
    assert!((contrast([255, 255, 255], [255, 255, 255]) - 1.0).abs() < 1e-9);
    let c = contrast([0x76, 0x76, 0x76], [255, 255, 255]);
    assert!((c - 4.54).abs() < 0.01, "{c}");
}

#[test]
fn the_print_sheet_carries_the_footer_and_hides_the_host_page_only_when_embedded() {
    use autodiag_core::print::{print_sheet, PRINT_MARK};
    let standalone = print_sheet("Fait avec \"Autodiag\" \\ ISO", false);
    assert!(
        standalone.contains(r#"content:"Fait avec \"Autodiag\" \\ ISO""#),
        "{standalone}"
    );
    assert!(standalone.contains("size:A4") && standalone.contains("counter(pages)"));
    assert!(!standalone.contains(PRINT_MARK));
    let alone = print_sheet("x\ny", true);
    assert!(
        alone.contains(r#"content:"x y""#),
        "a line break cannot end the string"
    );
    assert!(alone.contains(&format!(":not(:has([{PRINT_MARK}]))")));
    assert!(
        !alone.contains("@media"),
        "no @media print in an adopted sheet"
    );
}
