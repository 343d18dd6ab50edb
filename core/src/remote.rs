//! What the first module (the walk) and the on-demand module (the profile, the printed report,
//! sharing, the blank questionnaire) tell each other, as JSON strings across JavaScript.
//!
//! The first module sends a [`Head`] and the assessments as export documents, which the on-demand
//! module reads through the one import door (`format::import`). The on-demand module never
//! changes state itself: what the user does there comes back as a [`Reply`], which the first
//! module turns into an action of its one reducer (and so saves, as every other edit).
//!
//! Both sides are written by hand over `serde_json::Value`, which the first module already
//! carries for the import: a derived deserialiser would add its code to the first visit.

use serde_json::{json, Map, Value};

use crate::lang::Lang;
use crate::model::PlannedAction;
use crate::state::{Action, Edit, Plan};
use crate::steps::Step;

/// Which screen the on-demand module draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The walk's review: what is answered and what is left, and a first summary.
    Review,
    /// The maturity profile of the open assessment (and, printed, the report).
    Profile,
    /// The blank questionnaire to print.
    Blank,
}

impl Screen {
    pub fn id(self) -> &'static str {
        match self {
            Screen::Review => "review",
            Screen::Profile => "profile",
            Screen::Blank => "blank",
        }
    }

    pub fn from_id(id: &str) -> Option<Screen> {
        match id {
            "review" => Some(Screen::Review),
            "profile" => Some(Screen::Profile),
            "blank" => Some(Screen::Blank),
            _ => None,
        }
    }
}

/// Everything but the assessments: where and how to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub screen: Screen,
    pub lang: Lang,
    /// The widget's element-id prefix, so that ids stay unique on a page with several widgets.
    pub ids: String,
    /// The widget's storage namespace (share links name it).
    pub namespace: String,
    /// The widget owns the page (printing then sets the page's title).
    pub standalone: bool,
    /// The open assessment's id: the first of the documents sent with the head.
    pub current: Option<String>,
}

impl Head {
    pub fn to_json(&self) -> String {
        // Written by hand: the first module writes this, and serde_json's `Value` writer would
        // be code of its own in the first visit.
        let q = |s: &str| serde_json::to_string(s).unwrap_or_default();
        format!(
            "{{\"screen\":{},\"lang\":{},\"ids\":{},\"namespace\":{},\"standalone\":{},\"current\":{}}}",
            q(self.screen.id()),
            q(self.lang.id()),
            q(&self.ids),
            q(&self.namespace),
            self.standalone,
            self.current.as_deref().map_or("null".to_string(), q),
        )
    }

    /// `None` for anything but what [`Head::to_json`] writes.
    pub fn from_json(text: &str) -> Option<Head> {
        let v: Value = serde_json::from_str(text).ok()?;
        let o = v.as_object()?;
        let s = |k: &str| o.get(k)?.as_str();
        Some(Head {
            screen: Screen::from_id(s("screen")?)?,
            lang: Lang::from_id(s("lang")?)?,
            ids: s("ids")?.to_string(),
            namespace: s("namespace")?.to_string(),
            standalone: o.get("standalone")?.as_bool()?,
            current: match o.get("current")? {
                Value::Null => None,
                v => Some(v.as_str()?.to_string()),
            },
        })
    }
}

/// What the user did in the on-demand module that changes the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    /// Go to a step of the walk (a finding's link to the question it is about).
    Goto(Step),
    /// An edit of the open assessment's action plans, stamped with the time.
    Edit { now: String, edit: Edit },
    /// The assessment was downloaded as JSON.
    Exported { id: String, at: String },
    /// Leave the screen (the blank questionnaire's « Retour »).
    Back,
}

fn plan_json(plan: Plan) -> Value {
    match plan {
        Plan::Area(i) => json!(["area", i]),
        Plan::Clause(i) => json!(["clause", i]),
    }
}

fn plan_from(v: &Value) -> Option<Plan> {
    let a = v.as_array()?;
    let i = usize::try_from(a.get(1)?.as_u64()?).ok()?;
    match a.first()?.as_str()? {
        "area" => Some(Plan::Area(i)),
        "clause" => Some(Plan::Clause(i)),
        _ => None,
    }
}

fn string(o: &Map<String, Value>, k: &str) -> Option<String> {
    Some(o.get(k)?.as_str()?.to_string())
}

impl Reply {
    /// The reply for an action dispatched in the on-demand module; `None` for an action that
    /// module has no business sending (it is then dropped, never half applied).
    pub fn from_action(action: &Action) -> Option<Reply> {
        Some(match action {
            Action::Goto(step) => Reply::Goto(*step),
            Action::Exported { id, at } => Reply::Exported {
                id: id.clone(),
                at: at.clone(),
            },
            Action::Edit { now, edit } => match edit {
                Edit::AddAction(..) | Edit::SetAction(..) | Edit::RemoveAction(..) => Reply::Edit {
                    now: now.clone(),
                    edit: edit.clone(),
                },
                _ => return None,
            },
            _ => return None,
        })
    }

    /// The action the first module dispatches; `None` for [`Reply::Back`], which is the
    /// screen's own business.
    pub fn into_action(self) -> Option<Action> {
        Some(match self {
            Reply::Goto(step) => Action::Goto(step),
            Reply::Edit { now, edit } => Action::Edit { now, edit },
            Reply::Exported { id, at } => Action::Exported { id, at },
            Reply::Back => return None,
        })
    }

    pub fn to_json(&self) -> String {
        let v = match self {
            Reply::Goto(step) => json!({ "goto": step.id() }),
            Reply::Exported { id, at } => json!({ "exported": { "id": id, "at": at } }),
            Reply::Back => json!({ "back": true }),
            Reply::Edit { now, edit } => {
                let edit = match edit {
                    Edit::AddAction(plan, title) => {
                        json!({ "add": plan_json(*plan), "title": title })
                    }
                    Edit::SetAction(plan, k, a) => json!({
                        "set": plan_json(*plan), "index": k,
                        "title": a.title, "owner": a.owner, "due": a.due,
                    }),
                    Edit::RemoveAction(plan, k) => {
                        json!({ "remove": plan_json(*plan), "index": k })
                    }
                    // Never built: `from_action` only lets the action plan's edits through.
                    _ => Value::Null,
                };
                json!({ "edit": edit, "now": now })
            }
        };
        v.to_string()
    }

    /// `None` for anything but what [`Reply::to_json`] writes: a reply is outside data too.
    pub fn from_json(text: &str) -> Option<Reply> {
        let v: Value = serde_json::from_str(text).ok()?;
        let o = v.as_object()?;
        if let Some(step) = o.get("goto") {
            return Step::from_id(step.as_str()?).map(Reply::Goto);
        }
        if let Some(e) = o.get("exported") {
            let e = e.as_object()?;
            return Some(Reply::Exported {
                id: string(e, "id")?,
                at: string(e, "at")?,
            });
        }
        if o.get("back").is_some() {
            return Some(Reply::Back);
        }
        let e = o.get("edit")?.as_object()?;
        let index = || usize::try_from(e.get("index")?.as_u64()?).ok();
        let edit = if let Some(plan) = e.get("add") {
            Edit::AddAction(plan_from(plan)?, string(e, "title")?)
        } else if let Some(plan) = e.get("set") {
            let due = match e.get("due")? {
                Value::Null => None,
                v => Some(v.as_str()?.to_string()),
            };
            let action = PlannedAction {
                title: string(e, "title")?,
                owner: string(e, "owner")?,
                due,
            };
            Edit::SetAction(plan_from(plan)?, index()?, action)
        } else if let Some(plan) = e.get("remove") {
            Edit::RemoveAction(plan_from(plan)?, index()?)
        } else {
            return None;
        };
        Some(Reply::Edit {
            now: string(o, "now")?,
            edit,
        })
    }
}
