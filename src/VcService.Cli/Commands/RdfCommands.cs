using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using VcService.LinkedData.Canonicalization;
using VcService.LinkedData.JsonLd;
using VcService.LinkedData.JsonLd.Loading;
using VcService.LinkedData.Rdf;

namespace VcService.Cli.Commands;

/// <summary>
/// <c>vcservice rdf …</c>: Linked Data tools. <c>canonicalize</c> prints RDFC-1.0 canonical N-Quads of
/// a JSON-LD or N-Quads file; <c>expand</c> prints expanded JSON-LD. Contexts come from the bundled
/// loader (plus <c>--contexts DIR</c>); nothing is fetched from the network.
/// </summary>
public static class RdfCommands
{
    public static Command Create()
    {
        var rdf = new Command("rdf", "Linked Data tools: JSON-LD expansion and RDF Dataset Canonicalization (RDFC-1.0)");
        rdf.Add(CreateCanonicalize());
        rdf.Add(CreateExpand());
        return rdf;
    }

    private static Command CreateCanonicalize()
    {
        var file = FileArgument();
        var input = new Option<string>("--input") { Description = "Input format", DefaultValueFactory = _ => "jsonld" };
        input.AcceptOnlyFromAmong("jsonld", "nquads");
        var hash = new Option<string>("--hash") { Description = "RDFC-1.0 hash algorithm", DefaultValueFactory = _ => "sha256" };
        hash.AcceptOnlyFromAmong("sha256", "sha384");
        var safe = SafeOption();
        var contexts = ContextsOption();
        var repeat = RepeatOption();

        var command = new Command("canonicalize", "Print the RDFC-1.0 canonical N-Quads of a JSON-LD document or N-Quads dataset")
        {
            file, input, hash, safe, contexts, repeat,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var rdfc = new Rdfc10Options
            {
                HashAlgorithm = parse.GetValue(hash) == "sha384" ? Rdfc10HashAlgorithm.Sha384 : Rdfc10HashAlgorithm.Sha256,
            };
            return Execute(error, () =>
            {
                byte[] bytes = ReadInput(parse.GetValue(file)!);
                // The canonical UTF-8 goes to one reused buffer, as a signer hashing it would do.
                var canonical = new ArrayBufferWriter<byte>(bytes.Length);
                Func<ArrayBufferWriter<byte>> operation;
                if (parse.GetValue(input) == "nquads")
                {
                    string text = DecodeUtf8(bytes);
                    operation = () =>
                    {
                        canonical.ResetWrittenCount();
                        Rdfc10Canonicalizer.Canonicalize(NQuadsParser.Parse(text), canonical, rdfc);
                        return canonical;
                    };
                }
                else
                {
                    var options = JsonLdOptionsFrom(parse.GetValue(safe), parse.GetValue(contexts));
                    operation = () =>
                    {
                        canonical.ResetWrittenCount();
                        JsonLdCanonicalizer.Canonicalize(bytes, options, canonical, rdfc);
                        return canonical;
                    };
                }
                output.Write(Encoding.UTF8.GetString(Repeat.Run(operation, parse.GetValue(repeat), error).WrittenSpan));
            });
        });
        return command;
    }

    private static Command CreateExpand()
    {
        var file = FileArgument();
        var safe = SafeOption();
        var contexts = ContextsOption();
        var repeat = RepeatOption();
        var command = new Command("expand", "Print the expanded form (JSON-LD 1.1 expansion) of a JSON-LD document")
        {
            file, safe, contexts, repeat,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            return Execute(error, () =>
            {
                byte[] bytes = ReadInput(parse.GetValue(file)!);
                var options = JsonLdOptionsFrom(parse.GetValue(safe), parse.GetValue(contexts));
                var expanded = Repeat.Run(
                    () => JsonLdProcessor.Expand(bytes, options),
                    parse.GetValue(repeat), error);
                output.WriteLine(expanded.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            });
        });
        return command;
    }

    private static Argument<FileInfo> FileArgument() => new("FILE") { Description = "Input file" };

    private static Option<bool> SafeOption() => new("--safe")
    {
        Description = "JSON-LD safe mode: fail on terms or values that would be dropped (default true, as Data Integrity requires)",
        DefaultValueFactory = _ => true,
    };

    private static Option<DirectoryInfo?> ContextsOption() => new("--contexts")
    {
        Description = "Directory of extra JSON-LD contexts with an index.json (URL → file), added to the bundled ones",
    };

    internal static Option<int> RepeatOption()
    {
        var repeat = new Option<int>("--repeat")
        {
            Description = "Time N in-process runs after a warm-up (max(20, N) runs, at least 2 s) and print 'mean <ms> ms' on stderr",
        };
        repeat.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--repeat must be 0 or more");
            }
        });
        return repeat;
    }

    private static JsonLdOptions JsonLdOptionsFrom(bool safe, DirectoryInfo? contexts)
    {
        var options = new JsonLdOptions { SafeMode = safe };
        if (contexts is not null)
        {
            var loader = BundledDocumentLoader.CreateWithBundledContexts();
            loader.AddDirectory(contexts.FullName);
            options.DocumentLoader = loader;
        }
        return options;
    }

    private static byte[] ReadInput(FileInfo file)
    {
        try
        {
            return File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputUnreadableException($"cannot read {file.FullName}: {e.Message}");
        }
    }

    private static string DecodeUtf8(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new NQuadsParseException(1, 1, "input is not valid UTF-8: " + e.Message);
        }
    }

    /// <summary>Maps the typed errors of the library to exit codes and one line on stderr.</summary>
    private static int Execute(TextWriter error, Action action)
    {
        try
        {
            action();
            return ExitCodes.Success;
        }
        catch (InputUnreadableException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.InputUnreadable;
        }
        catch (RdfcWorkLimitExceededException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.LimitExceeded;
        }
        catch (JsonLdException e)
        {
            error.WriteLine($"error: invalid JSON-LD: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (NQuadsParseException e)
        {
            error.WriteLine($"error: invalid N-Quads: {e.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.InputUnreadable;
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"error: invalid input: {e.Message}");
            return ExitCodes.InvalidInput;
        }
    }

    private sealed class InputUnreadableException(string message) : Exception(message);
}
