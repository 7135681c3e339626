namespace CrewPass.Reference;

public sealed record Vessel(string Id, string PartnerId, string Name, string ImoNumber, string Flag, bool Livemode);
