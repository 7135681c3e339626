namespace CrewPass.Reference;

public static class FaultCatalogue
{
    public static IReadOnlyList<FaultInfo> All { get; } = Enum.GetValues<Fault>().Select(Describe).ToArray();

    public static FaultInfo Describe(Fault fault)
    {
        var attribute = typeof(Fault).GetField(fault.ToString())!
            .GetCustomAttributes(typeof(FaultAttribute), false).Cast<FaultAttribute>().Single();
        return new FaultInfo(fault, KebabName(fault.ToString()), attribute.Description, attribute.Clauses, attribute.OnAnyRead);
    }

    public static bool TryParse(string name, out Fault fault)
    {
        var match = All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)
                                            || string.Equals(f.Fault.ToString(), name, StringComparison.OrdinalIgnoreCase));
        fault = match?.Fault ?? default;
        return match is not null;
    }

    public static string KebabName(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
