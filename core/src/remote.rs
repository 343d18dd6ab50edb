//! What the first module (the walk) and the on-demand module (the profile, the printed report,
//! sharing, the blank questionnaire, the workshop's merged view and tally) tell each other, as
//! JSON strings across JavaScript.
//!
//! The first module sends a [`Head`] and the assessments as export documents, which the on-demand
//! module reads through the one import door (`format::import`). The on-demand module never
//! changes state itself: what the user does there comes back as a [`Reply`], which the first
//! module turns into an action of its one reducer (and so saves, as every other edit).
//!
//! Both sides are written by hand over `serde_json::Value`, which the first module already
//! carries for the import: a derived deserialiser would add its code to the first visit.

use serde_json::{Map, Value};

use crate::content::{N_AREAS, N_CLAUSES, N_PURPOSES, N_REQUIREMENTS};
use crate::lang::Lang;
use crate::model::PlannedAction;
use crate::state::{Action, Edit, Plan};
use crate::steps::Step;
use crate::workshop::{Counts, Item, Workshop, MAX_COUNT};

/// Which screen the on-demand module draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The walk's review: what is answered and what is left, and a first summary.
    Review,
    /// The maturity profile of the open assessment (and, printed, the report).
    Profile,
    /// The blank questionnaire to print.
    Blank,
    /// A workshop's merged answers, with the consensus to save.
    Workshop,
    /// A workshop's show-of-hands form.
    Tally,
}

impl Screen {
    pub fn id(self) -> &'static str {
        match self {
            Screen::Review => "review",
            Screen::Profile => "profile",
            Screen::Blank => "blank",
            Screen::Workshop => "workshop",
            Screen::Tally => "tally",
        }
    }

    pub fn from_id(id: &str) -> Option<Screen> {
        match id {
            "review" => Some(Screen::Review),
            "profile" => Some(Screen::Profile),
            "blank" => Some(Screen::Blank),
            "workshop" => Some(Screen::Workshop),
            "tally" => Some(Screen::Tally),
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
    /// The workshop's merged counts, for its two screens (kept by the first module, where the
    /// tally's counts are edited).
    pub workshop: Option<Workshop>,
}

impl Head {
    pub fn to_json(&self) -> String {
        // Written by hand: the first module writes this, and serde_json's `Value` writer would
        // be code of its own in the first visit.
        format!(
            "{{\"screen\":{},\"lang\":{},\"ids\":{},\"namespace\":{},\"standalone\":{},\"current\":{},\"workshop\":{}}}",
            q(self.screen.id()),
            q(self.lang.id()),
            q(&self.ids),
            q(&self.namespace),
            self.standalone,
            self.current.as_deref().map_or("null".to_string(), q),
            self.workshop
                .as_ref()
                .map_or("null".to_string(), workshop_json),
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
            workshop: match o.get("workshop")? {
                Value::Null => None,
                v => Some(workshop_from(v)?),
            },
        })
    }
}

/// A workshop's counts as JSON: each item's five counts, by kind of item.
fn workshop_json(w: &Workshop) -> String {
    let counts = |cs: &[Counts]| {
        let rows: Vec<String> = cs
            .iter()
            .map(|c| {
                let [a, b, c, d, e] = c.0;
                format!("[{a},{b},{c},{d},{e}]")
            })
            .collect();
        format!("[{}]", rows.join(","))
    };
    format!(
        "{{\"files\":{},\"full\":{},\"community\":{},\"purposes\":{},\"areas\":{},\"clauses\":{},\"requirements\":{}}}",
        w.files,
        w.full,
        q(&w.community),
        counts(&w.purposes),
        counts(&w.areas),
        counts(&w.clauses),
        counts(&w.requirements),
    )
}

/// `N` items of five counts each, every count within what a workshop can hold.
fn counts_from<const N: usize>(v: &Value) -> Option<[Counts; N]> {
    let rows = v.as_array()?;
    if rows.len() != N {
        return None;
    }
    let mut out = [Counts::default(); N];
    for (slot, row) in out.iter_mut().zip(rows) {
        let row = row.as_array()?;
        if row.len() != 5 {
            return None;
        }
        for (c, n) in slot.0.iter_mut().zip(row) {
            *c = u32::try_from(n.as_u64()?)
                .ok()
                .filter(|&n| n <= MAX_COUNT)?;
        }
    }
    Some(out)
}

fn workshop_from(v: &Value) -> Option<Workshop> {
    let o = v.as_object()?;
    Some(Workshop {
        files: usize::try_from(o.get("files")?.as_u64()?).ok()?,
        full: o.get("full")?.as_bool()?,
        community: string(o, "community")?,
        purposes: counts_from::<N_PURPOSES>(o.get("purposes")?)?,
        areas: counts_from::<N_AREAS>(o.get("areas")?)?,
        clauses: counts_from::<N_CLAUSES>(o.get("clauses")?)?,
        requirements: counts_from::<N_REQUIREMENTS>(o.get("requirements")?)?,
    })
}

fn item_json(item: Item) -> String {
    let (kind, i) = match item {
        Item::Purpose(i) => ("purpose", i),
        Item::Area(i) => ("area", i),
        Item::Clause(i) => ("clause", i),
        Item::Requirement(i) => ("requirement", i),
    };
    format!("[\"{kind}\",{i}]")
}

/// An item of the framework, never one past its end.
fn item_from(v: &Value) -> Option<Item> {
    let a = v.as_array()?;
    let i = usize::try_from(a.get(1)?.as_u64()?).ok()?;
    let (item, n) = match a.first()?.as_str()? {
        "purpose" => (Item::Purpose(i), N_PURPOSES),
        "area" => (Item::Area(i), N_AREAS),
        "clause" => (Item::Clause(i), N_CLAUSES),
        "requirement" => (Item::Requirement(i), N_REQUIREMENTS),
        _ => return None,
    };
    (i < n).then_some(item)
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
    /// Tally mode: `people` raised a hand for `value` of `item`.
    Count { item: Item, value: u8, people: u32 },
    /// Save the workshop's consensus under `name`, as a new assessment `id`.
    Consensus {
        id: String,
        now: String,
        name: String,
    },
}

/// A JSON string.
fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn plan_json(plan: Plan) -> String {
    match plan {
        Plan::Area(i) => format!("[\"area\",{i}]"),
        Plan::Clause(i) => format!("[\"clause\",{i}]"),
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
            Action::WorkshopCount {
                item,
                value,
                people,
            } => Reply::Count {
                item: *item,
                value: *value,
                people: *people,
            },
            Action::WorkshopConsensus { id, now, name } => Reply::Consensus {
                id: id.clone(),
                now: now.clone(),
                name: name.clone(),
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
            Reply::Count {
                item,
                value,
                people,
            } => Action::WorkshopCount {
                item,
                value,
                people,
            },
            Reply::Consensus { id, now, name } => Action::WorkshopConsensus { id, now, name },
            Reply::Back => return None,
        })
    }

    /// Written by hand, as the head is: `json!` would be code of its own in both modules.
    pub fn to_json(&self) -> String {
        match self {
            Reply::Goto(step) => format!("{{\"goto\":{}}}", q(&step.id())),
            Reply::Exported { id, at } => {
                format!("{{\"exported\":{{\"id\":{},\"at\":{}}}}}", q(id), q(at))
            }
            Reply::Back => "{\"back\":true}".to_string(),
            Reply::Count {
                item,
                value,
                people,
            } => format!(
                "{{\"count\":{},\"value\":{value},\"people\":{people}}}",
                item_json(*item)
            ),
            Reply::Consensus { id, now, name } => format!(
                "{{\"consensus\":{{\"id\":{},\"now\":{},\"name\":{}}}}}",
                q(id),
                q(now),
                q(name)
            ),
            Reply::Edit { now, edit } => {
                let edit = match edit {
                    Edit::AddAction(plan, title) => {
                        format!("{{\"add\":{},\"title\":{}}}", plan_json(*plan), q(title))
                    }
                    Edit::SetAction(plan, k, a) => format!(
                        "{{\"set\":{},\"index\":{k},\"title\":{},\"owner\":{},\"due\":{}}}",
                        plan_json(*plan),
                        q(&a.title),
                        q(&a.owner),
                        a.due.as_deref().map_or("null".to_string(), q)
                    ),
                    Edit::RemoveAction(plan, k) => {
                        format!("{{\"remove\":{},\"index\":{k}}}", plan_json(*plan))
                    }
                    // Never built: `from_action` only lets the action plan's edits through.
                    _ => "null".to_string(),
                };
                format!("{{\"edit\":{edit},\"now\":{}}}", q(now))
            }
        }
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
        if let Some(item) = o.get("count") {
            let item = item_from(item)?;
            let value = u8::try_from(o.get("value")?.as_u64()?)
                .ok()
                .filter(|v| item.values().contains(v))?;
            let people = u32::try_from(o.get("people")?.as_u64()?).ok()?;
            return Some(Reply::Count {
                item,
                value,
                people,
            });
        }
        if let Some(c) = o.get("consensus") {
            let c = c.as_object()?;
            return Some(Reply::Consensus {
                id: string(c, "id")?,
                now: string(c, "now")?,
                name: string(c, "name")?,
            });
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
