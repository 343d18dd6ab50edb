use yew::prelude::*;

use super::export_button;
use crate::hooks::AppContext;
use crate::i18n::fill;
use crate::state::{Action, ImportChoice, Notice, StorageError};
use crate::{files, platform};

/// Everything the app has to tell the user right now: storage trouble, what just happened (with
/// undo), an import waiting for a decision, stored data that could not be read.
pub fn notices(app: &AppContext) -> Html {
    let ui = app.ui();
    let dismiss = app.dispatcher().reform(|_| Action::DismissNotice);

    let storage = app.storage_error.map(|e| {
        let text = match e {
            StorageError::Unavailable => app.lang.walk().storage_unavailable,
            StorageError::WriteRefused => app.lang.walk().storage_write_refused,
        };
        html! {
            <div class="notice notice-warning" role="alert">
                <p>{ text }</p>
                if let Some(id) = app.current.as_deref() {
                    { export_button(app, id) }
                }
            </div>
        }
    });

    let notice = app.notice.as_ref().map(|n| {
        let (text, undo, alert) = match n {
            Notice::Deleted { name } => (fill(app.lang.walk().deleted, &[name]), true, false),
            Notice::ChangedElsewhere => (app.lang.walk().changed_elsewhere.to_string(), false, false),
            Notice::Conflict => (app.lang.walk().conflict.to_string(), false, true),
            Notice::RemovedElsewhere { name } => (fill(app.lang.walk().removed_elsewhere, &[name]), false, true),
            Notice::Imported { name } => (fill(app.lang.walk().imported, &[name]), false, false),
            Notice::ImportFailed(e) => (fill(app.lang.walk().import_failed, &[&e.message(app.lang)]), false, true),
            Notice::AllDeleted => (app.lang.walk().all_deleted.to_string(), false, false),
            Notice::ShareLinkBroken => (ui.share.broken.to_string(), false, true),
            Notice::ShareLinkTooLong => (ui.share.refused_too_long.to_string(), false, true),
            Notice::LangUnavailable(_) => (app.lang.walk().lang_unavailable.to_string(), false, true),
        };
        // Said in the language asked for too, to whoever asked for it.
        let asked = match n {
            Notice::LangUnavailable(lang) if *lang != app.lang => {
                Some(html! { <p lang={lang.id()}>{ crate::i18n::pack::UNAVAILABLE_EN }</p> })
            }
            _ => None,
        };
        html! {
            // Focusable from script: after an import or a deletion focus moves here.
            <div id={app.id("notice")} tabindex="-1"
                class={classes!("notice", if alert { "notice-warning" } else { "notice-info" })}
                role={if alert { "alert" } else { "status" }}>
                <p>{ text }</p>
                { for asked }
                if undo {
                    <button type="button" class="button button-primary"
                        onclick={app.dispatcher().reform(|_| Action::Undo)}>{ app.lang.walk().undo }</button>
                }
                <button type="button" class="button" onclick={dismiss.clone()}>{ app.lang.walk().dismiss }</button>
            </div>
        }
    });

    let pending = app.pending_import.as_ref().map(|a| {
        let existing = app.find(&a.id).map(|e| e.community.name.clone()).unwrap_or_default();
        let resolve = |choice: ImportChoice| {
            app.dispatcher().reform(move |_| Action::ResolveImport(choice.clone()))
        };
        let keep_both = app.dispatcher().reform(|_| {
            Action::ResolveImport(ImportChoice::KeepBoth { new_id: platform::new_id() })
        });
        html! {
            <div class="notice notice-warning" role="alertdialog" aria-labelledby={app.id("collision")}>
                <p id={app.id("collision")}>{ fill(app.lang.walk().collision, &[&existing]) }</p>
                <button type="button" class="button button-primary" onclick={keep_both}>{ app.lang.walk().keep_both }</button>
                <button type="button" class="button" onclick={resolve(ImportChoice::Replace)}>{ ui.replace }</button>
                <button type="button" class="button" onclick={resolve(ImportChoice::Cancel)}>{ ui.cancel }</button>
            </div>
        }
    });

    let shared = app.shared.as_ref().map(|a| {
        let decide = |import: bool| {
            app.dispatcher().reform(move |_| {
                // Decided: a reload must not offer the link again.
                platform::clear_fragment();
                Action::SharedDecision(import)
            })
        };
        html! {
            <div class="notice notice-info" role="alertdialog" aria-labelledby={app.id("shared")}>
                <p id={app.id("shared")}>{ fill(ui.share.offer, &[&a.community.name]) }</p>
                <button type="button" class="button button-primary" onclick={decide(true)}>{ ui.share.import }</button>
                <button type="button" class="button" onclick={decide(false)}>{ ui.share.ignore }</button>
            </div>
        }
    });

    let quarantine = app.quarantine.iter().map(|q| {
        let download = {
            let (raw, name) = (q.raw.clone(), format!("autodiag-37101_unreadable_{}.json", platform::today()));
            move |_| {
                files::download(&name, "application/json", &raw);
            }
        };
        let drop_it = {
            let (app, key) = (app.clone(), q.key.clone());
            move |_| app.dispatch(Action::DropQuarantined(key.clone()))
        };
        html! {
            <div class="notice notice-warning" role="alert">
                <p>{ fill(ui.quarantine, &[&q.error.message(app.lang)]) }</p>
                <button type="button" class="button button-primary" onclick={download}>{ app.lang.walk().download_it }</button>
                <button type="button" class="button button-danger-outline" onclick={drop_it}>{ app.lang.walk().delete_it }</button>
            </div>
        }
    });

    html! {
        <div class="notices">
            { for storage }
            { for notice }
            { for pending }
            { for shared }
            if app.current.is_none() {
                { for quarantine }
            }
        </div>
    }
}
