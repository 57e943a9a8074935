; Inno Setup 6 script: wraps the PyInstaller one-folder bundle into ptce-desktop-<version>-setup.exe.
; Build on Windows, from the repository root, after `uv run python packaging/build.py`:
;   iscc /DAppVersion=0.1.0 packaging\windows\ptce-desktop.iss
; (without /DAppVersion the version below is used; tests/packaging checks it matches pyproject).
;
; Per-user install, no administrator rights ({localappdata}\Programs). French and English.
; The user's data lives elsewhere (%LOCALAPPDATA%\ptce-desktop, created by the app, never by
; the installer), so uninstalling removes the program and never the data or the backups.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "PTCE Desktop"
#define AppExe "ptce-desktop.exe"
#define BundleDir "..\..\dist\ptce-desktop-" + AppVersion

[Setup]
AppId={{6C4B5E1A-3F0D-4C6B-9C1E-8F2B9D7A5E10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=PTCE Desktop
VersionInfoVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\PTCE Desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=ptce-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=ptce-desktop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entry: the data folder %LOCALAPPDATA%\ptce-desktop is left alone.
