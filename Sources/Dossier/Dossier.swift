// The one import for library users: `import Dossier` brings every layer below the shell.
@_exported import DossierCore
@_exported import DossierQuery
@_exported import DossierStore
@_exported import DossierText
