; Inno Setup script: wraps the PyInstaller onedir bundle. Per-user install, no admin rights.
; Uninstalling never removes the user's data folder (%LOCALAPPDATA%\ptce-desktop).
#define AppName "PTCE Desktop"
#define AppVersion "0.1.0"
[Setup]
AppId={{6C4B5E1A-3F0D-4C6B-9C1E-8F2B9D7A5E10}
AppName={#AppName}
AppVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\PTCE Desktop
PrivilegesRequired=lowest
OutputBaseFilename=ptce-desktop-{#AppVersion}-setup
[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"
[Files]
Source: "..\..\dist\ptce-desktop-{#AppVersion}\*"; DestDir: "{app}"; Flags: recursesubdirs
[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\ptce-desktop.exe"
