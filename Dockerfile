# syntax=docker/dockerfile:1
# Build: docker build -t vcservice .
# Run:   docker run -p 8080:8080 -e VcService__MasterKey=$(openssl rand -base64 32) \
#          -e VcService__PublicBaseUrl=https://vc.example.edu -v vcdata:/data vcservice
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props VcService.sln ./
COPY src/ src/
RUN dotnet publish src/VcService.Api/VcService.Api.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# Ed25519 goes through the system libsodium (P/Invoke to libsodium.so.23).
RUN apt-get update \
 && apt-get install -y --no-install-recommends libsodium23 curl \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    VcService__DataDirectory=/data
VOLUME /data
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=3s CMD curl -fs http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "VcService.Api.dll"]
