using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using VcService.LinkedData.JsonLd;
using VcService.MicroCredentials;

namespace VcService.Cli.Commands;

/// <summary>
/// <c>vcservice render --profile elm|obv3 [--id URN] [--issued ISO] [--issuer-did DID] FILE</c>: validates an
/// HEI record (JSON) and prints the unsigned credential of the chosen profile. The issuer is a demo
/// <see cref="IssuerProfile"/> built from the record's first awarding body (legal name, identifiers,
/// country) with the DID <see cref="DemoIssuerDid"/> unless <c>--issuer-did</c> is given. An invalid record
/// prints every validation error (path: message) on stderr and exits <see cref="ExitCodes.InvalidInput"/>.
/// </summary>
public static class RenderCommand
{
    public const string DemoIssuerDid = "did:web:issuer.example";
    public static readonly string[] Profiles = ["elm", "obv3"];

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The HEI record (JSON, schemas/hei-record.schema.json)" };
        var profile = new Option<string>("--profile") { Description = "The credential profile", Required = true };
        profile.AcceptOnlyFromAmong(Profiles);
        var id = new Option<string?>("--id") { Description = "The credential id (default: a new urn:uuid)" };
        var issued = new Option<string?>("--issued") { Description = "The date of issuing, ISO 8601 (default: now)" };
        var issuerDid = new Option<string?>("--issuer-did") { Description = $"The issuer DID (default: {DemoIssuerDid})" };
        var command = new Command("render", "Print the unsigned elm or obv3 credential for an HEI record")
        {
            file, profile, id, issued, issuerDid,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var credentialId = parse.GetValue(id) ?? $"urn:uuid:{Guid.NewGuid()}";
                if (!Uri.TryCreate(credentialId, UriKind.Absolute, out _) || credentialId.Any(char.IsWhiteSpace))
                    throw new CliInputException($"--id '{credentialId}' is not an absolute IRI", ExitCodes.InvalidInput);
                var did = parse.GetValue(issuerDid) ?? DemoIssuerDid;
                if (!did.StartsWith("did:", StringComparison.Ordinal) || did.Count(c => c == ':') < 2)
                    throw new CliInputException($"--issuer-did '{did}' is not a DID", ExitCodes.InvalidInput);
                var issuedAt = ParseIssued(parse.GetValue(issued));
                var json = ReadRecord(parse.GetValue(file)!);
                var validation = HeiRecordValidator.Validate(json);
                if (!validation.IsValid)
                {
                    error.WriteLine($"error: the HEI record is not valid ({validation.Errors.Count} error(s)):");
                    foreach (var e in validation.Errors) error.WriteLine($"  {(e.Path.Length == 0 ? "(record)" : e.Path)}: {e.Message}");
                    return ExitCodes.InvalidInput;
                }
                var record = validation.Record!;
                var issuer = DemoIssuer(record, did);
                var credential = parse.GetValue(profile) == "obv3"
                    ? Obv3Renderer.Render(record, issuer, new Obv3RenderOptions(credentialId, issuedAt))
                    : ElmRenderer.Render(record, issuer, new ElmRenderOptions(credentialId, issuedAt));
                output.WriteLine(credential.ToJsonString(SignCommands.PrintOptions));
                return ExitCodes.Success;
            }
            catch (CliInputException e)
            {
                error.WriteLine($"error: {e.Message}");
                return e.ExitCode;
            }
        });
        return command;
    }

    /// <summary>A demo issuer: the record's first awarding body, with the given DID.</summary>
    public static IssuerProfile DemoIssuer(HeiRecord record, string did)
    {
        var body = record.AwardingBodies[0];
        return new IssuerProfile(did, body.LegalName, body.Country, body.LegalIdentifier, body.DeqarId);
    }

    private static JsonObject ReadRecord(FileInfo file)
    {
        var text = SignCommands.ReadText(file);
        try
        {
            return JsonLdProcessor.ParseDocument(text, JsonLdLimits.Default) as JsonObject
                ?? throw new CliInputException($"{file.Name}: expected a JSON object (an HEI record)", ExitCodes.InvalidInput);
        }
        catch (JsonLdException e)
        {
            throw new CliInputException($"{file.Name}: {e.Message}", ExitCodes.InvalidInput);
        }
    }

    private static DateTimeOffset ParseIssued(string? text)
    {
        if (text is null)
        {
            var now = DateTimeOffset.UtcNow;
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new CliInputException($"--issued '{text}' is not an ISO 8601 date-time", ExitCodes.InvalidInput);
    }
}
