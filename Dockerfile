# Herald in a container: built from source in the SDK image, run from the ASP.NET runtime
# image as the non-root "app" user, with the SQLite file and media on one volume.
#   docker build -t herald .
#   docker run -p 8080:8080 -v herald-data:/var/lib/herald herald serve --demo
# docs/operations.md describes every setting (all take HERALD_ environment variables).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files and lock files alone, so the layer survives code changes.
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY src/Herald/Herald.csproj src/Herald/packages.lock.json src/Herald/
COPY src/Herald.Text/Herald.Text.csproj src/Herald.Text/packages.lock.json src/Herald.Text/
RUN dotnet restore src/Herald/Herald.csproj --locked-mode
COPY src/ src/
RUN dotnet publish src/Herald/Herald.csproj --configuration Release --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl answers the health check; nothing else is added to the runtime image.
RUN apt-get update \
    && apt-get install --yes --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /var/lib/herald/media \
    && chown -R app:app /var/lib/herald
WORKDIR /app
COPY --from=build /app ./
USER app
# HOME on the volume, so nothing the process writes there is lost with a container. Data
# Protection keys (sign-in cookies, remembered commenters) live in the site's database.
ENV HOME=/var/lib/herald \
    HERALD_URLS=http://0.0.0.0:8080 \
    HERALD_DB="Data Source=/var/lib/herald/herald.db" \
    HERALD_MEDIA_FOLDER=/var/lib/herald/media \
    DOTNET_NOLOGO=1
VOLUME /var/lib/herald
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent --output /dev/null http://127.0.0.1:8080/healthz/ready || exit 1
ENTRYPOINT ["dotnet", "/app/herald.dll"]
CMD ["serve"]
