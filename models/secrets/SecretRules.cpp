// SPDX-License-Identifier: MIT
#include "secrets/SecretRules.h"

namespace studio {

namespace {

SecretRule rule(const char *id, const char *description, QStringList keywords, const char *pattern, double entropy)
{
    SecretRule r;
    r.id = QString::fromLatin1(id);
    r.description = QString::fromLatin1(description);
    r.keywords = std::move(keywords);
    r.pattern = QString::fromLatin1(pattern);
    r.entropy = entropy;
    return r;
}

QStringList words(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *w : list)
        out << QString::fromLatin1(w);
    return out;
}

// Patterns follow gitleaks' config/gitleaks.toml (see reference/interop.md §4), narrowed where
// deployment repositories would otherwise drown in noise (names of Secrets, templated values).
QList<SecretRule> definitions()
{
    QList<SecretRule> rules;
    SecretRule aws = rule("aws-access-key-id", "AWS access key ID", words({"akia", "asia", "abia", "acca", "a3t"}),
                          "\\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\\b", 3);
    aws.allowedSecrets = words({".+EXAMPLE$"});
    rules << aws;

    SecretRule awsSecret = rule("aws-secret-access-key", "AWS secret access key", words({"aws", "secretaccesskey", "secret_access_key", "secret-access-key"}),
                                "(?:aws[\\w.-]{0,20}?(?:secret|private)|secret[_.-]?access[_.-]?key)[\\w.-]{0,20}[\\s'\"]{0,3}(?:=|:|=>|:=)[\\s'\"]{0,5}"
                                "([0-9a-zA-Z/+]{40})(?![0-9a-zA-Z/+=])",
                                3.5);
    awsSecret.caseInsensitive = true;
    awsSecret.allowedSecrets = words({"EXAMPLEKEY$"});
    rules << awsSecret;

    rules << rule("github-pat", "GitHub personal access token", words({"ghp_"}), "\\b(ghp_[0-9a-zA-Z]{36})\\b", 3)
          << rule("github-fine-grained-pat", "GitHub fine-grained personal access token", words({"github_pat_"}),
                  "\\b(github_pat_\\w{82})\\b", 3)
          << rule("github-oauth", "GitHub OAuth access token", words({"gho_"}), "\\b(gho_[0-9a-zA-Z]{36})\\b", 3)
          << rule("github-app-token", "GitHub app token", words({"ghu_", "ghs_"}), "\\b((?:ghu|ghs)_[0-9a-zA-Z]{36})\\b", 3)
          << rule("github-refresh-token", "GitHub refresh token", words({"ghr_"}), "\\b(ghr_[0-9a-zA-Z]{36})\\b", 3)
          << rule("gitlab-pat", "GitLab personal access token", words({"glpat-"}), "\\b(glpat-[\\w-]{20})(?![\\w-])", 3)
          << rule("slack-bot-token", "Slack bot token", words({"xoxb"}),
                  "\\b(xoxb-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*)", 3)
          << rule("slack-user-token", "Slack user token", words({"xoxp-", "xoxe-"}),
                  "\\b(xox[pe](?:-[0-9]{10,13}){3}-[a-zA-Z0-9-]{28,34})", 2)
          << rule("slack-webhook-url", "Slack webhook URL", words({"hooks.slack.com"}),
                  "((?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56})", 0)
          << rule("stripe-access-token", "Stripe API key", words({"sk_test", "sk_live", "sk_prod", "rk_test", "rk_live", "rk_prod"}),
                  "\\b((?:sk|rk)_(?:test|live|prod)_[a-zA-Z0-9]{10,99})\\b", 2)
          << rule("gcp-api-key", "Google API key", words({"aiza"}), "\\b(AIza[\\w-]{35})(?![\\w-])", 4)
          << rule("npm-access-token", "npm access token", words({"npm_"}), "\\b(npm_[a-zA-Z0-9]{36})\\b", 2)
          << rule("sendgrid-api-token", "SendGrid API key", words({"sg."}), "\\b(SG\\.[a-zA-Z0-9=_.-]{66})(?![\\w=.-])", 2);

    SecretRule jwt = rule("jwt", "JSON Web Token", words({"eyj"}),
                          "\\b(ey[a-zA-Z0-9]{17,}\\.ey[a-zA-Z0-9/\\\\_-]{17,}\\.(?:[a-zA-Z0-9/\\\\_-]{10,}={0,2})?)", 3);
    rules << jwt;

    SecretRule azure = rule("azure-storage-key", "Azure storage account key", words({"accountkey"}),
                            "AccountKey=([a-zA-Z0-9+/]{86}==)", 4);
    azure.caseInsensitive = true;
    rules << azure;

    SecretRule key = rule("private-key", "Private key", words({"private key"}),
                          "-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\\s\\S]{64,}?KEY(?: BLOCK)?-----", 0);
    key.caseInsensitive = true;
    key.multiline = true;
    key.secretGroup = 0;
    rules << key;

    SecretRule database = rule("database-url-password", "Password in a database URL",
                               words({"postgres", "mysql", "mariadb", "mongodb", "redis", "amqp", "mssql", "sqlserver"}),
                               "\\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver)://"
                               "[^:/\\s'\"@]+:([^@/\\s'\"]+)@[^\\s'\"]+",
                               1.5);
    database.caseInsensitive = true;
    database.stopwords = words({"password", "changeme", "example"});
    rules << database;

    // An assignment whose key says "secret" and whose value looks random. Keys that name something
    // (secretName, passwordFile, tokenPath) and values that are identifiers (my-db-credentials)
    // are the false positives of a GitOps repository, so both are allowlisted.
    SecretRule generic = rule("generic-secret", "Password, secret or token assigned in plain text",
                              words({"password", "passwd", "pwd", "secret", "token", "api_key", "apikey", "api-key",
                                     "access_key", "accesskey", "credential", "creds", "auth"}),
                              "([\\w.-]{0,50}?(?:passw(?:or)?d|pwd|secret|token|api[_.-]?key|access[_.-]?key|auth|credentials?|creds)"
                              "[\\w.-]{0,20})[\\s'\"]{0,3}(?:=|:|=>|:=)[ \\t'\"]{0,5}([\\w.=+/!@#$%^&*~-]{8,150})(?:['\"\\s;,]|$)",
                              3.5);
    generic.caseInsensitive = true;
    generic.keyGroup = 1;
    generic.secretGroup = 2;
    generic.allowedKeyPattern = QStringLiteral("(?:name|names|ref|file|path|dir|length|size|ttl|id|type|mode|policy|enabled|"
                                               "url|uri|endpoint|header|field|version|secretkeyref|selector)$");
    generic.allowedSecrets = words({"^[a-z_.-]+$", "^[A-Z_]+$", "^(?:true|false|null|none)$", "^\\d+$"});
    generic.stopwords = words({"changeme", "change-me", "change_me", "example", "placeholder", "redacted", "xxxxx",
                               "*****", "dummy", "your-", "your_", "notsecret", "not-a-secret", "secretkeyref"});
    rules << generic;
    return rules;
}

} // namespace

const QList<SecretRule> &SecretRules::all()
{
    static const QList<SecretRule> compiled = [] {
        QList<SecretRule> rules = definitions();
        for (SecretRule &r : rules) {
            QRegularExpression::PatternOptions options;
            if (r.caseInsensitive)
                options |= QRegularExpression::CaseInsensitiveOption;
            // Each pattern is compiled on its first match: scanning a small file (a commit gate) pays only
            // for the rules whose keywords occur in it, not for all of them.
            r.regex = QRegularExpression(r.pattern, options);
            for (const QString &allowed : std::as_const(r.allowedSecrets))
                r.allowedSecretRegexes << QRegularExpression(allowed);
            if (!r.allowedKeyPattern.isEmpty())
                r.allowedKeyRegex = QRegularExpression(r.allowedKeyPattern, QRegularExpression::CaseInsensitiveOption);
        }
        return rules;
    }();
    return compiled;
}

bool SecretRules::isPlaceholder(const QString &secret)
{
    static const QRegularExpression placeholder(
        QStringLiteral("^(?:\\$\\{[^}]*\\}|\\$\\([^)]*\\)|<[^>]*>|\\{\\{.*\\}\\}|%\\([^)]*\\)s|changeme|change-me|"
                       "replace-?me|todo|xxx+|\\*+|\\.\\.\\.)$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString trimmed = secret.trimmed();
    return trimmed.isEmpty() || placeholder.match(trimmed).hasMatch()
           || trimmed.startsWith(QLatin1String("${")) || trimmed.startsWith(QLatin1String("{{"));
}

QString SecretRules::kubernetesSecretDescription()
{
    return QStringLiteral("Kubernetes Secret data");
}

} // namespace studio
