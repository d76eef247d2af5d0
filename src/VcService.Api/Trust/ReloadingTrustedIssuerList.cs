using VcService.MicroCredentials.Trust;

namespace VcService.Api.Trust;

/// <summary>
/// The trusted issuer list as a trust source that follows its file: at most once per check interval a lookup looks at
/// the file's last write time and length, and when they changed the list is built again. A file that no longer
/// validates is refused (every error logged, naming the entry) and the list in use stays: a typo in the file never
/// leaves the deployment without its list. The list is still validated at start-up, which refuses to start on errors.
/// </summary>
public sealed class ReloadingTrustedIssuerList : ITrustSource
{
    private readonly Func<(TrustedIssuerList? List, IReadOnlyList<string> Errors)> _build;
    private readonly string? _file;
    private readonly TimeSpan _checkInterval;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Lock _checking = new();
    private TrustedIssuerList _current;
    private (DateTime Written, long Length)? _stamp;
    private DateTimeOffset _nextCheck;

    /// <param name="build">Builds the list from the configuration and the file (<see cref="TrustSettings.BuildList"/>).</param>
    /// <param name="file">The list file; null when the list is in the configuration only (nothing to follow).</param>
    /// <param name="checkInterval">How often the file is looked at; zero or less: never (the list of the start).</param>
    public ReloadingTrustedIssuerList(Func<(TrustedIssuerList? List, IReadOnlyList<string> Errors)> build, string? file,
        TimeSpan checkInterval, TimeProvider clock, ILogger<ReloadingTrustedIssuerList> logger)
    {
        _build = build;
        _file = string.IsNullOrWhiteSpace(file) ? null : file;
        _checkInterval = checkInterval;
        _clock = clock;
        _logger = logger;
        _stamp = Stamp();
        _current = build().List ?? TrustedIssuerList.Empty;
        _nextCheck = clock.GetUtcNow() + checkInterval;
    }

    public int Order => _current.Order;

    /// <summary>The list in use.</summary>
    public TrustedIssuerList Current => Volatile.Read(ref _current);

    public Task<TrustSourceAnswer> FindAsync(IssuerClaims claims, CancellationToken cancellationToken)
    {
        ReloadIfChanged();
        return Current.FindAsync(claims, cancellationToken);
    }

    private void ReloadIfChanged()
    {
        if (_file is null || _checkInterval <= TimeSpan.Zero || _clock.GetUtcNow() < _nextCheck)
        {
            return;
        }
        // One lookup checks; the others meanwhile answer from the list in use.
        if (!_checking.TryEnter())
        {
            return;
        }
        try
        {
            _nextCheck = _clock.GetUtcNow() + _checkInterval;
            var stamp = Stamp();
            if (stamp == _stamp)
            {
                return;
            }
            _stamp = stamp;
            var (list, errors) = _build();
            if (list is null)
            {
                _logger.LogError("Trusted issuer list {File} changed but is not valid; the previous list ({Count} issuers) stays in use: {Errors}",
                    _file, Current.Count, string.Join("; ", errors));
                return;
            }
            Volatile.Write(ref _current, list);
            _logger.LogInformation("Trusted issuer list {File} reloaded: {Count} issuers", _file, list.Count);
        }
        finally
        {
            _checking.Exit();
        }
    }

    private (DateTime Written, long Length)? Stamp()
    {
        if (_file is null)
        {
            return null;
        }
        var info = new FileInfo(_file);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : null;
    }
}
