namespace CrewPass.Reference;

public static class LegalChoices
{
    public static IReadOnlyList<ChoiceInfo> All { get; } = Enum.GetValues<LegalChoice>().Select(c => new ChoiceInfo(c, FaultCatalogue.KebabName(c.ToString()),
        typeof(LegalChoice).GetField(c.ToString())!.GetCustomAttributes(typeof(ChoiceAttribute), false).Cast<ChoiceAttribute>().Single().Description)).ToArray();

    public static bool TryParse(string name, out LegalChoice choice)
    {
        var match = All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        choice = match?.Choice ?? default;
        return match is not null;
    }
}
