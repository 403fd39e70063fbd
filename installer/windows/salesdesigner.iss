; Inno Setup script: SalesDesigner-Setup-<version>.exe, the file Windows users download.
;
;   python installer\build.py           (on Windows: builds dist\SalesDesigner, then runs
;                                        this script when ISCC.exe is on PATH)
;   iscc /DAppVersion=0.1.0 installer\windows\salesdesigner.iss      (by hand)
;
; Per-user install: no administrator rights, no UAC prompt. Files go to
; %LOCALAPPDATA%\Programs\SalesDesigner, the Start-menu entry to the user's Programs, and the
; .salesdesign association to HKCU\Software\Classes. Uninstalling removes exactly those; the
; user's documents, settings and autosaved work are never touched.
; Not built on this project's Linux machines: reviewed by reading, tested on Windows by hand.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "SalesDesigner"
#define AppExe "salesdesigner.exe"
#define ProgId "SalesDesigner.Document"
#define Root ".."

[Setup]
; never change AppId: Windows finds earlier installs (upgrade, uninstall) by it
AppId={{6C0B1E52-8D4A-4C53-9E0A-5A1D2F7C3B91}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=SalesDesigner
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; per user: {autopf} is %LOCALAPPDATA%\Programs, HKA is HKCU, {autoprograms} the user's menu
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\..\dist
OutputBaseFilename=SalesDesigner-Setup-{#AppVersion}
SetupIconFile={#Root}\..\build\icons\salesdesigner.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; tell Explorer to reload file associations after install and uninstall
ChangesAssociations=yes
; a running SalesDesigner is asked to close (Restart Manager) before files are replaced
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; the one-folder application built by installer\build.py (PyInstaller)
Source: "{#Root}\..\dist\SalesDesigner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Root}\..\build\icons\salesdesign-document.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; the document type: its own icon, opened by SalesDesigner (a double-click while the
; designer runs hands the file to the running window)
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "SalesDesigner Document"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\salesdesign-document.ico"",0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; .salesdesign -> our ProgID; on uninstall only our value goes (another program may own
; the extension by then)
Root: HKA; Subkey: "Software\Classes\.salesdesign"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.salesdesign"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-salesdesign"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.salesdesign\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
; "Open with" lists the program by name
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".salesdesign"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only the application folder: Python's byte-code caches written next to it at run time.
; Documents (wherever the user saved them), settings (HKCU\Software\SalesDesigner) and
; autosaved work (%LOCALAPPDATA%\SalesDesigner) stay.
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"
