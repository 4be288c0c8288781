//! The three roles ISA/IEC 62443 names, which an assessment takes and an
//! indicator or a mapping row can be limited to.

use serde::{Deserialize, Serialize};

/// The role of the assessed organisation, as ISA/IEC 62443 names them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Runs the system (includes the operator).
    #[default]
    AssetOwner,
    /// Makes devices, components or systems.
    ProductSupplier,
    /// Integrates or maintains systems for an asset owner.
    ServiceProvider,
}

impl Role {
    /// All roles.
    pub const ALL: [Role; 3] = [Role::AssetOwner, Role::ProductSupplier, Role::ServiceProvider];

    /// The stable id used in files.
    pub const fn id(self) -> &'static str {
        match self {
            Role::AssetOwner => "asset-owner",
            Role::ProductSupplier => "product-supplier",
            Role::ServiceProvider => "service-provider",
        }
    }

    /// Display name.
    pub const fn name(self) -> &'static str {
        match self {
            Role::AssetOwner => "Asset owner",
            Role::ProductSupplier => "Product supplier",
            Role::ServiceProvider => "Service provider",
        }
    }

    /// The role with this stable id (`asset-owner`, ...), if any.
    pub fn from_id(id: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The role's name in the plural, lower case, for running text ("for product suppliers").
    pub const fn plural(self) -> &'static str {
        match self {
            Role::AssetOwner => "asset owners",
            Role::ProductSupplier => "product suppliers",
            Role::ServiceProvider => "service providers",
        }
    }
}
