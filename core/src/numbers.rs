//! Every number as a reader sees it, in French or English: scores on the 0–4 scale, shares,
//! changes. Tenths by hand: float formatting would add kilobytes to the app's WebAssembly for one
//! decimal. The views only place these strings.

use crate::i18n::{fill, Lang};

/// A value on the 0–4 scale with one decimal in the language's mark ("2,5" / "2.5"); "not
/// computable" when there is none.
pub fn level_text(v: Option<f64>, lang: Lang) -> String {
    match v {
        None => lang.ui().not_computable.into(),
        Some(v) => {
            let tenths = (v * 10.0).round() as i32;
            let sep = if lang == Lang::Fr { ',' } else { '.' };
            let sign = if tenths < 0 { "-" } else { "" };
            format!("{sign}{}{sep}{}", (tenths / 10).abs(), (tenths % 10).abs())
        }
    }
}

/// A score on the 0–4 scale as people read it: "2,5 sur 4" / "2.5 out of 4".
pub fn score_text(score: Option<f64>, lang: Lang) -> String {
    match score {
        None => lang.ui().not_computable.to_string(),
        Some(_) => fill(lang.ui().on_four, &[&level_text(score, lang)]),
    }
}

/// A share (0–1) as a whole percentage: "62 %" with a no-break space in French, "62%" in English.
pub fn percent(share: f64, lang: Lang) -> String {
    let n = (share * 100.0).round() as i64;
    match lang {
        Lang::Fr => format!("{n}\u{a0}%"),
        Lang::En => format!("{n}%"),
    }
}

/// A change on the 0–4 scale: "+0,5", "−1,0" (a true minus sign), "=" under a twentieth; empty
/// when either side is missing.
pub fn signed(v: Option<f64>, lang: Lang) -> String {
    match v {
        None => String::new(),
        Some(d) if d.abs() < 0.05 => "=".into(),
        Some(d) if d > 0.0 => format!("+{}", level_text(Some(d), lang)),
        Some(d) => format!("−{}", level_text(Some(-d), lang)),
    }
}

/// A change of a share, in percentage points: "+12 points", "−5 points", "=".
pub fn points(d: f64, lang: Lang) -> String {
    let n = (d * 100.0).round() as i64;
    let template = lang.ui().gap.points_change;
    match n {
        0 => "=".to_string(),
        n if n > 0 => fill(template, &[&format!("+{n}")]),
        n => fill(template, &[&format!("−{}", -n)]),
    }
}

/// `n` grouped by thousands as `lang` writes it: a narrow no-break space in French, a comma in
/// English.
pub fn thousands(n: usize, lang: Lang) -> String {
    let sep = match lang {
        Lang::Fr => "\u{202f}",
        Lang::En => ",",
    };
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_and_levels() {
        assert_eq!(level_text(Some(2.54), Lang::Fr), "2,5");
        assert_eq!(level_text(Some(2.55), Lang::En), "2.6");
        assert_eq!(level_text(Some(4.0), Lang::Fr), "4,0");
        assert_eq!(level_text(Some(-0.5), Lang::Fr), "-0,5");
        assert_eq!(level_text(None, Lang::Fr), Lang::Fr.ui().not_computable);
        assert_eq!(score_text(Some(1.0), Lang::Fr), "1,0 sur 4");
        assert_eq!(score_text(Some(1.0), Lang::En), "1.0 out of 4");
    }

    #[test]
    fn shares_and_changes() {
        assert_eq!(percent(0.625, Lang::Fr), "63\u{a0}%");
        assert_eq!(percent(0.0, Lang::En), "0%");
        assert_eq!(signed(Some(0.5), Lang::Fr), "+0,5");
        assert_eq!(signed(Some(-1.0), Lang::En), "−1.0");
        assert_eq!(signed(Some(0.04), Lang::En), "=");
        assert_eq!(signed(None, Lang::En), "");
        assert_eq!(points(0.12, Lang::En), "+12 percentage points");
        assert_eq!(points(-0.05, Lang::Fr), "−5\u{a0}points");
        assert_eq!(points(0.001, Lang::Fr), "=");
        assert_eq!(thousands(1_000_000, Lang::Fr), "1\u{202f}000\u{202f}000");
        assert_eq!(thousands(32_768, Lang::En), "32,768");
        assert_eq!(thousands(999, Lang::En), "999");
    }
}
