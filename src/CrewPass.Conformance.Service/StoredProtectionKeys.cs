using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CrewPass.Conformance.Service;

/// <summary>The data-protection key ring in the service's database, where every instance finds it.</summary>
public sealed class StoredProtectionKeys(CertificationStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.Database.Query("SELECT xml FROM protection_keys", row => XElement.Parse(row.GetString(0)));

    public void StoreElement(XElement element, string friendlyName) => store.Database.Execute(
        "INSERT INTO protection_keys (name, xml) VALUES (@name, @xml) ON CONFLICT DO NOTHING",
        ("@name", friendlyName), ("@xml", element.ToString(SaveOptions.DisableFormatting)));
}
