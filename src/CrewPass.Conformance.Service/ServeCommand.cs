using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace CrewPass.Conformance.Service;

/// <summary>
/// `serve`: the certification service, with embedded defaults (a data folder beside the command, port 8080); `serve
/// invite` and `serve revoke` are the partner team's, run on the service's machine against the same data folder.
/// </summary>
public static class ServeCommand
{
    public const int DefaultPort = 8080;
    public const int DefaultSandboxPort = 8443;

    public static Command Create()
    {
        var data = new Option<string>("--data")
        {
            Description = "The data folder: database and issuer key.",
            DefaultValueFactory = _ => "crewpass-data",
            HelpName = "DIR",
            Recursive = true
        };
        var publicUrl = new Option<string?>("--public-url")
        {
            Description = "The URL partners reach the service at (the certificates' issuer); " +
                          $"default http://127.0.0.1:{DefaultPort}/.",
            HelpName = "URL",
            Recursive = true,
        };
        var database = new Option<string?>("--database")
        {
            Description = "A PostgreSQL connection string (\"Host=…;Database=…;Username=…\"): " +
                          "several instances share it; default: SQLite in --data.",
            HelpName = "CONNECTION",
            Recursive = true,
        };
        var sandboxPort = new Option<int>("--sandbox-port")
        {
            Description = "The client sandbox's HTTPS port (127.0.0.1).",
            DefaultValueFactory = _ => DefaultSandboxPort,
            HelpName = "N"
        };
        var sandboxUrl = new Option<string?>("--sandbox-url")
        {
            Description = "The URL partners' clients reach the sandbox at; default https://127.0.0.1:PORT.",
            HelpName = "URL",
        };
        var invite = new Option<string?>("--invite")
        {
            Description = "Print a one-time invitation link for this partner once the service listens.",
            HelpName = "PARTNER",
        };
        var port = new Option<int>("--port")
        {
            Description = "The port to listen on (127.0.0.1).",
            DefaultValueFactory = _ => DefaultPort,
            HelpName = "N"
        };
        var key = new Option<string?>("--key")
        {
            Description = "A PEM or PFX file with the issuer's ECDSA P-256 key; default: made in --data.",
            HelpName = "FILE",
        };
        var password = new Option<string?>("--key-password")
        {
            Description = "The PFX's password.",
            HelpName = "PASSWORD"
        };
        var command = new Command("serve",
            "Run the CrewPass certification service: the registry of issued client certificates and the issuer's keys.")
        {
            data, database, publicUrl, port, sandboxPort, sandboxUrl, key, password, invite,
            Invite(data, database, publicUrl), Revoke(data, database),
        };
        command.SetAction((parse, cancellation) => RunAsync(new ServiceOptions(parse.GetValue(data)!,
            parse.GetValue(port), UrlOf(parse.GetValue(publicUrl), parse.GetValue(port)), parse.GetValue(key),
            parse.GetValue(password), parse.GetValue(database), parse.GetValue(sandboxPort),
            parse.GetValue(sandboxUrl) is { } url ? new Uri(url) : null), parse.GetValue(invite), cancellation));
        return command;
    }

    /// <summary>
    /// Serves until stopped; with a partner named, prints its invitation once listening (a new machine's first).
    /// </summary>
    private static async Task<int> RunAsync(ServiceOptions options, string? invite, CancellationToken cancellation)
    {
        await using var app = await CertificationService.StartAsync(options);
        var sandbox = options.SandboxUrl?.ToString() ?? $"https://127.0.0.1:{options.SandboxPort}";
        Console.WriteLine($"CrewPass certification service at {string.Join(" ", app.Urls)}; " +
                          $"registry {options.PublicUrl}certificates; sandbox at {sandbox}; " +
                          $"data in {Path.GetFullPath(options.Data)}");
        if (invite is not null)
            Console.WriteLine($"Invitation for {invite}: " + new Uri(options.PublicUrl!,
                $"invitations/{CertificationStore.Open(options.Data, options.Database).Invite(invite)}"));
        await app.WaitForShutdownAsync(cancellation);
        return 0;
    }

    private static Command Invite(Option<string> data, Option<string?> database, Option<string?> publicUrl)
    {
        var partner = new Option<string>("--partner")
        {
            Description = "The partner's name, as its certificates will carry it.",
            Required = true,
            HelpName = "NAME",
        };
        var command = new Command("invite",
            "Print a one-time invitation link for a partner (the token is stored hashed).") { partner };
        command.SetAction(parse =>
        {
            var store = CertificationStore.Open(parse.GetValue(data)!, parse.GetValue(database));
            var token = store.Invite(parse.GetValue(partner)!);
            Console.WriteLine(new Uri(UrlOf(parse.GetValue(publicUrl), DefaultPort), $"invitations/{token}"));
            return 0;
        });
        return command;
    }

    private static Command Revoke(Option<string> data, Option<string?> database)
    {
        var id = new Argument<string>("id") { Description = "The certificate's id." };
        var why = new Option<string>("--why")
        {
            Description = "Why it is revoked: the registry shows it.",
            Required = true,
            HelpName = "TEXT"
        };
        var command = new Command("revoke",
            "Revoke an issued certificate: verify --issuer then refuses it, and the registry says why.") { id, why };
        command.SetAction(parse =>
        {
            var revoked = CertificationStore.Open(parse.GetValue(data)!, parse.GetValue(database))
                .Revoke(parse.GetValue(id)!, parse.GetValue(why)!);
            (revoked ? Console.Out : Console.Error).WriteLine(revoked
                ? $"revoked {parse.GetValue(id)}"
                : $"error: no certificate {parse.GetValue(id)} that is not revoked already (see /certificates)");
            return revoked ? 0 : 1;
        });
        return command;
    }

    private static Uri UrlOf(string? given, int port) =>
        given is { } url ? new Uri(url.EndsWith('/') ? url : url + "/") : new Uri($"http://127.0.0.1:{port}/");
}
