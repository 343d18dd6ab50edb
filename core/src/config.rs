//! What a host page asks of one widget instance, read from the `data-` attributes of its element
//! (or, in iframe mode, from the frame's query string, which `frame.js` copies onto the element).
//!
//! Pure: the browser adapter hands over a lookup function. A value the widget cannot honour is
//! ignored with a warning for the integrator, never an error for the user.

use crate::i18n::Lang;
use crate::model::Mode;

/// Which assessment modes a new assessment may use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Modes {
    #[default]
    Both,
    Only(Mode),
}

impl Modes {
    pub fn allows(self, mode: Mode) -> bool {
        match self {
            Modes::Both => true,
            Modes::Only(m) => m == mode,
        }
    }

    /// The mode a new assessment starts with.
    pub fn first(self) -> Mode {
        match self {
            Modes::Both => Mode::Quick,
            Modes::Only(m) => m,
        }
    }
}

/// One instance's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct HostConfig {
    /// Storage namespace: two widgets never share data unless they share it.
    pub namespace: String,
    /// The first-visit language; the user's own later choice wins.
    pub lang: Lang,
    pub modes: Modes,
    /// Whether to show the introduction (a portal may have its own).
    pub intro: bool,
    /// The host's accent colour, only when text on it and in it stays readable.
    pub accent: Option<Accent>,
    /// The widget owns the page (document language, title, printing).
    pub standalone: bool,
}

impl Default for HostConfig {
    fn default() -> Self {
        HostConfig {
            namespace: "default".into(),
            lang: Lang::default(),
            modes: Modes::Both,
            intro: true,
            accent: None,
            standalone: false,
        }
    }
}

/// The longest namespace accepted: it becomes part of every storage key.
const MAX_NAMESPACE: usize = 40;

impl HostConfig {
    /// Reads the settings through `attr` (attribute name → value), with a warning for each value
    /// that was set but could not be used.
    pub fn read(attr: impl Fn(&str) -> Option<String>) -> (HostConfig, Vec<String>) {
        let mut c = HostConfig::default();
        let mut warnings = Vec::new();
        let mut warn = |name: &str, value: &str, why: &str| {
            warnings.push(format!("Autodiag 37101: {name}=\"{value}\" ignored: {why}"));
        };
        if let Some(v) = attr("data-namespace") {
            let ok = !v.is_empty()
                && v.len() <= MAX_NAMESPACE
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if ok {
                c.namespace = v;
            } else {
                warn(
                    "data-namespace",
                    &v,
                    "use 1 to 40 letters, digits, '-' or '_'",
                );
            }
        }
        if let Some(v) = attr("data-lang") {
            match Lang::from_id(v.trim()) {
                Some(l) => c.lang = l,
                None => warn("data-lang", &v, "use \"fr\" or \"en\""),
            }
        }
        if let Some(v) = attr("data-modes") {
            match v.trim() {
                "both" | "" => {}
                m => match Mode::from_id(m) {
                    Some(m) => c.modes = Modes::Only(m),
                    None => warn("data-modes", &v, "use \"quick\", \"full\" or \"both\""),
                },
            }
        }
        if let Some(v) = attr("data-intro") {
            match v.trim() {
                "" | "true" | "yes" | "show" => {}
                "false" | "no" | "hide" => c.intro = false,
                _ => warn("data-intro", &v, "use \"true\" or \"false\""),
            }
        }
        if let Some(v) = attr("data-accent") {
            match accent(&v) {
                Ok(hex) => c.accent = Some(hex),
                Err(why) => warn("data-accent", &v, why),
            }
        }
        c.standalone = attr("data-standalone").is_some();
        (c, warnings)
    }
}

/// WCAG's contrast for normal text, which the widget's white-on-accent buttons must reach.
pub const MIN_CONTRAST: f64 = 4.5;

/// A host's accent: the colour itself and the pale tint of it the widget uses for backgrounds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accent {
    /// `#rrggbb`.
    pub strong: String,
    /// `#rrggbb`, nine parts white to one part accent.
    pub soft: String,
}

impl Accent {
    /// The style sheet that gives one instance this accent.
    pub fn css(&self) -> String {
        format!(
            ".autodiag{{--ad-accent:{};--ad-accent-soft:{}}}",
            self.strong, self.soft
        )
    }
}

/// The accent from `#rgb` or `#rrggbb`, if accent text on its pale tint (and so white text on
/// the accent) reaches `MIN_CONTRAST`. Only hex is accepted: the value goes into a style sheet,
/// so nothing but a colour may get through.
pub fn accent(value: &str) -> Result<Accent, &'static str> {
    let rgb = parse_hex(value.trim()).ok_or("use a colour such as #005a9c")?;
    let soft = rgb.map(|c| ((u16::from(c) + 9 * 255 + 5) / 10) as u8);
    if contrast(rgb, soft) < MIN_CONTRAST {
        return Err("text in it would be under 4.5:1 contrast (WCAG AA); use a darker colour");
    }
    let hex = |c: [u8; 3]| format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
    Ok(Accent {
        strong: hex(rgb),
        soft: hex(soft),
    })
}

fn parse_hex(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize| u8::from_str_radix(&hex[i..i + 1], 16).ok();
    match hex.len() {
        3 => Some([digit(0)? * 17, digit(1)? * 17, digit(2)? * 17]),
        6 => {
            let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
            Some([pair(0)?, pair(2)?, pair(4)?])
        }
        _ => None,
    }
}

/// WCAG 2.1 contrast ratio between two sRGB colours, from 1 to 21.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

fn luminance(c: [u8; 3]) -> f64 {
    0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2])
}

/// One sRGB channel, linearised.
fn channel(v: u8) -> f64 {
    let v = f64::from(v) / 255.0;
    if v <= 0.040_45 {
        v / 12.92
    } else {
        pow_2_4((v + 0.055) / 1.055)
    }
}

/// `t` to the power 2.4, for `t` in (0, 1]: t² times the fifth root of t², found by Newton's
/// method from above. `f64::powf` would bring 2 kB of libm's `pow` into the WebAssembly; the
/// tests below check that every accent gets the same verdict.
fn pow_2_4(t: f64) -> f64 {
    let a = t * t;
    let mut y = 1.0_f64;
    loop {
        let y2 = y * y;
        let next = (4.0 * y + a / (y2 * y2)) / 5.0;
        // From above the steps only go down, until rounding stops them.
        if next >= y {
            return a * y;
        }
        y = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The WCAG formula as written, with `powf`.
    fn channel_powf(v: u8) -> f64 {
        let v = f64::from(v) / 255.0;
        if v <= 0.040_45 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    }

    #[test]
    fn each_channel_is_linearised_as_with_powf() {
        for v in 0..=255 {
            let (ours, theirs) = (channel(v), channel_powf(v));
            assert!((ours - theirs).abs() <= 4.0 * f64::EPSILON * theirs, "{v}");
        }
        assert_eq!(channel(255), 1.0);
        assert_eq!(channel(0), 0.0);
    }

    #[test]
    fn every_accent_gets_the_verdict_it_had_with_powf() {
        // `accent`'s test, `contrast(rgb, soft) < MIN_CONTRAST`, for all 16.7 million colours,
        // with the channels taken from tables (the same sums, in the same order).
        let ours: Vec<f64> = (0..=255).map(channel).collect();
        let theirs: Vec<f64> = (0..=255).map(channel_powf).collect();
        let contrast_with = |t: &[f64], a: [u8; 3], b: [u8; 3]| {
            let lum = |c: [u8; 3]| {
                0.2126 * t[usize::from(c[0])]
                    + 0.7152 * t[usize::from(c[1])]
                    + 0.0722 * t[usize::from(c[2])]
            };
            let (la, lb) = (lum(a), lum(b));
            let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
            (hi + 0.05) / (lo + 0.05)
        };
        let mut accepted = 0u32;
        for n in 0..1u32 << 24 {
            let rgb = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            let soft = rgb.map(|c| ((u16::from(c) + 9 * 255 + 5) / 10) as u8);
            let ok = contrast_with(&ours, rgb, soft) >= MIN_CONTRAST;
            assert_eq!(
                ok,
                contrast_with(&theirs, rgb, soft) >= MIN_CONTRAST,
                "{rgb:?}"
            );
            accepted += u32::from(ok);
            if n % 65_521 == 0 {
                assert_eq!(contrast(rgb, soft), contrast_with(&ours, rgb, soft));
            }
        }
        assert!(accepted > 0);
    }
}
