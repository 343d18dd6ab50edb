//! Closed sets of string ids (the enumerations of the export format), as Rust enums.

/// Declares an enum whose variants map one-to-one to the stable string ids of the format.
macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $id:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const IDS: &'static [&'static str] = &[$($id),+];

            /// Position in `ALL` and `IDS`, and in the UI's lists of labels.
            pub const fn index(self) -> usize {
                self as usize
            }

            pub const fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            pub fn from_id(id: &str) -> Option<Self> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.id())
            }
        }
    };
}

pub(crate) use string_enum;
