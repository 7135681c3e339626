using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrewPass.Conformance.Http;

/// <summary>RFC 6901 JSON pointers over System.Text.Json nodes.</summary>
public static class JsonPointer
{
    public static JsonNode? Resolve(JsonNode? node, string pointer)
    {
        if (pointer.Length == 0) return node;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var token = raw.Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                JsonObject o => o.TryGetPropertyValue(token, out var child) ? child : null,
                JsonArray a when int.TryParse(token, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
            if (node is null) return null;
        }
        return node;
    }
}
