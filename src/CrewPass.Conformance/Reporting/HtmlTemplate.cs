using System.Collections.Concurrent;
using HandlebarsDotNet;

namespace CrewPass.Conformance.Reporting;

/// <summary>
/// The pages the harness writes, as Handlebars templates embedded in the engine: every <c>{{value}}</c> is
/// HTML-encoded by the template engine, so no text a target or client sent can become markup.
/// </summary>
public static class HtmlTemplate
{
    private static readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> Compiled = new();

    /// <summary>Renders Templates/<paramref name="name"/>.html.hbs with <paramref name="model"/>.</summary>
    public static string Render(string name, object model) => Compiled.GetOrAdd(name, Compile)(model);

    private static HandlebarsTemplate<object, object> Compile(string name)
    {
        var resource = $"CrewPass.Conformance.Reporting.Templates.{name}.html.hbs";
        using var stream = typeof(HtmlTemplate).Assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"the engine holds no template {resource}");
        using var reader = new StreamReader(stream);
        return Handlebars.Create().Compile(reader.ReadToEnd());
    }
}
