using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CrewPass.Conformance.Service;

/// <summary>
/// Who the browser is: the partner whose invitation it used, in a cookie the service's data-protection keys seal. A
/// session's pages answer only its partner, so a session id alone (in a log, a referrer) opens nothing.
/// </summary>
public static class PartnerCookie
{
    public const string Name = "crewpass-partner";

    public static void Set(HttpContext http, string partner) => http.Response.Cookies.Append(Name,
        Protector(http).Protect(partner),
        new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            IsEssential = true
        });

    /// <summary>The partner the request's cookie names; null without one, or with one the keys did not seal.</summary>
    public static string? Of(HttpContext http)
    {
        if (http.Request.Cookies[Name] is not { } sealedPartner) return null;
        try
        {
            return Protector(http).Unprotect(sealedPartner);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static IDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("CrewPass.Conformance.Service.Partner");
}
