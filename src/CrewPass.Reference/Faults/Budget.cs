namespace CrewPass.Reference;

/// <summary>What one budget covers: the partner (the page's word), or a split or shared one.</summary>
[Flags]
public enum Budget { PerPartner = 0, PerKeyMode = 1, PerHeaderForm = 2, Global = 4 }
