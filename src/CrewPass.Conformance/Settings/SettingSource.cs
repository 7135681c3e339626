using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrewPass.Conformance.Settings;

public enum SettingSource { Default, Profile, RunSettings, Environment }
