// SPDX-License-Identifier: MIT
// The secret scanner on a corpus: for every rule one secret it must find and one near miss it must
// not (placeholders, examples, too short, too regular), plus the allowlists and the demo workspace.
// Secrets are assembled at run time from a seeded generator, so this file holds none verbatim.

#include "secrets/SecretScanner.h"
#include "workspace/DemoWorkspace.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace studio;

namespace {

const char *const kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const char *const kAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const char *const kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

class Random
{
public:
    QByteArray chars(int n, const char *alphabet)
    {
        const int size = int(qstrlen(alphabet));
        QByteArray out;
        for (int i = 0; i < n; ++i)
            out += alphabet[m_generator.bounded(size)];
        return out;
    }
    QByteArray digits(int n) { return chars(n, "0123456789"); }

private:
    QRandomGenerator m_generator{20261126};
};

QStringList rulesOf(const SecretFindings &findings)
{
    QStringList rules;
    for (const SecretFinding &f : findings)
        rules << f.rule;
    return rules;
}

QByteArray privateKey(const QByteArray &kind, Random &random)
{
    QByteArray body;
    for (int i = 0; i < 6; ++i)
        body += random.chars(64, kBase64) + '\n';
    return "-----BEGIN " + kind + "-----\n" + body + "-----END " + kind + "-----\n";
}

} // namespace

class TestSecretScanner : public QObject
{
    Q_OBJECT

private slots:
    void findsEachRule_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("secret"); // must not appear in the excerpt
        QTest::addColumn<QString>("rule");      // empty: a near miss, nothing may be found
        Random r;
        const QByteArray awsId = "AKIA" + r.chars(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
        QTest::newRow("aws id") << "values.yaml" << "accessKeyId: " + awsId + '\n' << awsId << "aws-access-key-id";
        QTest::newRow("aws id example") << "values.yaml" << QByteArray("accessKeyId: AKIAIOSFODNN7EXAMPLE\n") << QByteArray() << "";
        QTest::newRow("aws id too short") << "values.yaml" << "id: AKIA" + r.chars(15, kUpper) + '\n' << QByteArray() << "";
        const QByteArray awsSecret = r.chars(40, kBase64);
        QTest::newRow("aws secret") << "creds.ini" << "aws_secret_access_key = " + awsSecret + '\n' << awsSecret
                                    << "aws-secret-access-key";
        QTest::newRow("aws secret yaml key") << "values.yaml" << "  secretAccessKey: \"" + awsSecret + "\"\n" << awsSecret
                                             << "aws-secret-access-key";
        QTest::newRow("aws secret example") << "creds.ini"
                                            << QByteArray("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n")
                                            << QByteArray() << "";
        for (const char *prefix : {"ghp_", "gho_", "ghs_", "ghr_"}) {
            const QByteArray token = prefix + r.chars(36, kAlnum);
            const QString rule = prefix == QByteArray("ghp_")   ? QStringLiteral("github-pat")
                                 : prefix == QByteArray("gho_") ? QStringLiteral("github-oauth")
                                 : prefix == QByteArray("ghs_") ? QStringLiteral("github-app-token")
                                                                : QStringLiteral("github-refresh-token");
            QTest::newRow(prefix) << "ci.env" << "GH=" + token + '\n' << token << rule;
            QTest::newRow((QByteArray(prefix) + " short").constData()) << "ci.env" << "GH=" + token.left(39) + '\n' << QByteArray() << "";
        }
        const QByteArray fineGrained = "github_pat_" + r.chars(82, kAlnum);
        QTest::newRow("github fine-grained") << "ci.env" << "T=" + fineGrained + '\n' << fineGrained << "github-fine-grained-pat";
        QTest::newRow("github fine-grained short") << "ci.env" << "T=" + fineGrained.left(90) + '\n' << QByteArray() << "";
        const QByteArray gitlab = "glpat-" + r.chars(20, kAlnum);
        QTest::newRow("gitlab") << "ci.env" << "GL=" + gitlab + '\n' << gitlab << "gitlab-pat";
        QTest::newRow("gitlab low entropy") << "ci.env" << QByteArray("GL=glpat-aaaaaaaaaaaaaaaaaaaa\n") << QByteArray() << "";
        const QByteArray bot = "xoxb-" + r.digits(11) + '-' + r.digits(12) + '-' + r.chars(24, kAlnum);
        QTest::newRow("slack bot") << "notify.yaml" << "token: " + bot + '\n' << bot << "slack-bot-token";
        QTest::newRow("slack bot short") << "notify.yaml" << QByteArray("channel: xoxb-123-456\n") << QByteArray() << "";
        const QByteArray user = "xoxp-" + r.digits(11) + '-' + r.digits(11) + '-' + r.digits(12) + '-' + r.chars(32, kAlnum);
        QTest::newRow("slack user") << "notify.yaml" << "user: " + user + '\n' << user << "slack-user-token";
        QTest::newRow("slack user shape") << "notify.yaml" << "user: xoxp-" + r.digits(11) + '-' + r.chars(30, kAlnum) + '\n'
                                          << QByteArray() << "";
        const QByteArray hook = "https://hooks.slack.com/services/T" + r.chars(8, kUpper) + "/B" + r.chars(8, kUpper) + '/'
                                + r.chars(24, kAlnum);
        QTest::newRow("slack webhook") << "notify.yaml" << "url: " + hook + '\n' << hook.mid(33) << "slack-webhook-url";
        QTest::newRow("slack webhook docs") << "README.md" << QByteArray("See https://hooks.slack.com/services/ for setup.\n")
                                            << QByteArray() << "";
        const QByteArray stripe = "sk_live_" + r.chars(24, kAlnum);
        QTest::newRow("stripe") << "pay.env" << "STRIPE=" + stripe + '\n' << stripe << "stripe-access-token";
        QTest::newRow("stripe too short") << "pay.env" << QByteArray("STRIPE=sk_live_abc123def\n") << QByteArray() << "";
        const QByteArray google = "AIza" + r.chars(35, kAlnum);
        QTest::newRow("google") << "maps.yaml" << "apiKey: " + google + '\n' << google << "gcp-api-key";
        QTest::newRow("google short") << "maps.yaml" << "id: AIza" + r.chars(34, kAlnum) + '\n' << QByteArray() << "";
        const QByteArray npm = "npm_" + r.chars(36, kAlnum);
        QTest::newRow("npm") << ".npmrc" << "//registry.npmjs.org/:_authToken=" + npm + '\n' << npm << "npm-access-token";
        QTest::newRow("npm regular") << ".npmrc" << "x=npm_" + QByteArray(36, 'a') + '\n' << QByteArray() << "";
        const QByteArray sendgrid = "SG." + r.chars(22, kAlnum) + '.' + r.chars(43, kAlnum);
        QTest::newRow("sendgrid") << "mail.env" << "SENDGRID=" + sendgrid + '\n' << sendgrid << "sendgrid-api-token";
        QTest::newRow("sendgrid short") << "mail.env" << "SENDGRID=" + sendgrid.left(60) + '\n' << QByteArray() << "";
        const QByteArray jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0." + r.chars(43, kAlnum);
        QTest::newRow("jwt") << "client.yaml" << "bearer: " + jwt + '\n' << jwt << "jwt";
        QTest::newRow("jwt header only") << "client.yaml" << QByteArray("alg: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\n")
                                         << QByteArray() << "";
        const QByteArray azure = r.chars(86, kBase64) + "==";
        QTest::newRow("azure") << "storage.env"
                               << "CONN=DefaultEndpointsProtocol=https;AccountName=x;AccountKey=" + azure + ";EndpointSuffix=core\n"
                               << azure << "azure-storage-key";
        QTest::newRow("azure short") << "storage.env" << "CONN=AccountKey=" + azure.mid(2) + '\n' << QByteArray() << "";
        for (const char *kind : {"RSA PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "PGP PRIVATE KEY BLOCK"})
            QTest::newRow(kind) << "keys/id" << privateKey(kind, r) << QByteArray() << "private-key";
        QTest::newRow("public key") << "keys/id.pub" << privateKey("PUBLIC KEY", r) << QByteArray() << "";
        QTest::newRow("private key too short") << "keys/id"
                                               << QByteArray("-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----\n")
                                               << QByteArray() << "";
        const QByteArray dbPassword = r.chars(14, kAlnum);
        QTest::newRow("database url") << "values.yaml" << "url: postgresql://app:" + dbPassword + "@db:5432/app\n" << dbPassword
                                      << "database-url-password";
        QTest::newRow("database url placeholder") << "values.yaml" << QByteArray("url: postgresql://app:${DB_PASSWORD}@db/app\n")
                                                  << QByteArray() << "";
        QTest::newRow("database url without password") << "values.yaml" << QByteArray("url: postgresql://db:5432/app\n")
                                                       << QByteArray() << "";
        const QByteArray password = r.chars(18, kAlnum) + "!#";
        QTest::newRow("password") << "values-prod.yaml" << "database:\n  password: " + password + '\n' << password << "generic-secret";
        QTest::newRow("password changeme") << "values.yaml" << QByteArray("password: changeme\n") << QByteArray() << "";
        QTest::newRow("secret name") << "values.yaml" << QByteArray("existingSecretName: my-database-credentials-prod\n")
                                     << QByteArray() << "";
        QTest::newRow("password placeholder") << "values.yaml" << QByteArray("password: \"${DB_PASSWORD}\"\ntoken: <token>\n")
                                              << QByteArray() << "";
        QTest::newRow("token template") << "values.yaml" << QByteArray("token: {{ .Values.token | quote }}\n") << QByteArray() << "";
        QTest::newRow("kubernetes secret")
            << "secret.yaml" << QByteArray("apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  user: app\n")
            << QByteArray("app") << "kubernetes-secret-data";
        QTest::newRow("kubernetes secret template")
            << "templates/secret.yaml"
            << QByteArray("apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: {{ .Values.pw | b64enc }}\n")
            << QByteArray() << "";
        QTest::newRow("sealed secret")
            << "sealed.yaml"
            << "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db\nspec:\n  encryptedData:\n    password: Ag"
                   + r.chars(600, kBase64) + "\n"
            << QByteArray() << "";
    }

    void findsEachRule()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, secret);
        QFETCH(QString, rule);
        const SecretFindings findings = SecretScanner::scanText(content, path);
        if (rule.isEmpty()) {
            QVERIFY2(findings.isEmpty(), qPrintable(rulesOf(findings).join(u',')));
            return;
        }
        QCOMPARE(rulesOf(findings), QStringList{rule});
        const SecretFinding &f = findings.front();
        QCOMPARE(f.file, path);
        QVERIFY(f.line >= 1);
        QVERIFY(f.column >= 1);
        QVERIFY(!f.description.isEmpty());
        if (!secret.isEmpty())
            QVERIFY2(!f.excerpt.contains(QString::fromUtf8(secret)), qPrintable(f.excerpt));
        QVERIFY2(f.excerpt.contains(u'*'), qPrintable(f.excerpt));
    }

    void reportsLineAndColumnOfTheSecret()
    {
        Random r;
        const QByteArray key = "AKIA" + r.chars(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
        const SecretFindings findings = SecretScanner::scanText("a: 1\nb: 2\nc:\n  id: " + key + "\n", QStringLiteral("x.yaml"));
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].line, 4);
        QCOMPARE(findings[0].column, 7);
        QCOMPARE(findings[0].excerpt, QStringLiteral("id: AKIA****"));
    }

    void inlineAllowCommentSkipsTheLine()
    {
        Random r;
        const QByteArray key = "AKIA" + r.chars(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
        QVERIFY(SecretScanner::scanText("id: " + key + "  # deploy-studio:allow-secret\n", QStringLiteral("x.yaml")).isEmpty());
        QCOMPARE(SecretScanner::scanText("id: " + key + "  # a comment\n", QStringLiteral("x.yaml")).size(), 1);
    }

    void skipsLockFilesAndBinaryFiles()
    {
        Random r;
        const QByteArray line = "token: ghp_" + r.chars(36, kAlnum) + '\n';
        QVERIFY(SecretScanner::scanText(line, QStringLiteral("web/package-lock.json")).isEmpty());
        QVERIFY(SecretScanner::scanText(line, QStringLiteral("logo.png")).isEmpty());
        QVERIFY(SecretScanner::scanText(QByteArray("\0\1\2", 3) + line, QStringLiteral("blob.dat")).isEmpty());
        QCOMPARE(SecretScanner::scanText(line, QStringLiteral("web/package.json")).size(), 1);
    }

    void oneFindingPerSecretWhenRulesOverlap()
    {
        Random r;
        const QByteArray token = "ghp_" + r.chars(36, kAlnum);
        const SecretFindings findings = SecretScanner::scanText("github_token: " + token + '\n', QStringLiteral("x.yaml"));
        QCOMPARE(rulesOf(findings), QStringList{QStringLiteral("github-pat")});
    }

    void entropyIsShannonBitsPerCharacter()
    {
        QCOMPARE(SecretScanner::entropy(QStringLiteral("aaaa")), 0.0);
        QCOMPARE(SecretScanner::entropy(QStringLiteral("abab")), 1.0);
        QCOMPARE(SecretScanner::entropy(QStringLiteral("abcdefgh")), 3.0);
    }

    void scansFoldersInParallelAndSkipsGit()
    {
        QTemporaryDir dir;
        Random r;
        const QByteArray line = "token: ghp_" + r.chars(36, kAlnum) + '\n';
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral(".git/objects")));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("env/prod")));
        auto write = [&](const QString &name, const QByteArray &content) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        };
        write(QStringLiteral(".git/config"), line);
        write(QStringLiteral("env/prod/values.yaml"), "replicas: 3\n" + line);
        write(QStringLiteral("env/clean.yaml"), "replicas: 2\n");
        const QList<SecretScanTarget> targets = SecretScanner::collect({dir.path()}, dir.path());
        QCOMPARE(targets.size(), 2);
        const SecretScanReport report = SecretScanner::scanFiles(targets);
        QCOMPARE(report.filesScanned, 2);
        QCOMPARE(report.findings.size(), 1);
        QCOMPARE(report.findings[0].file, QStringLiteral("env/prod/values.yaml"));
        QCOMPARE(report.findings[0].line, 2);
    }

    void demoWorkspaceIsClean()
    {
        QTemporaryDir dir;
        const QString demo = dir.filePath(QStringLiteral("demo"));
        const Status created = DemoWorkspace::create(demo);
        QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
        const QList<SecretScanTarget> targets = SecretScanner::collect({demo}, demo);
        QVERIFY(targets.size() > 10);
        const SecretScanReport report = SecretScanner::scanFiles(targets);
        QStringList found;
        for (const SecretFinding &f : report.findings)
            found << QStringLiteral("%1:%2 %3 %4").arg(f.file).arg(f.line).arg(f.rule, f.excerpt);
        QVERIFY2(report.findings.isEmpty(), qPrintable(found.join(u'\n')));
        QVERIFY(report.unreadable.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecretScanner)
#include "tst_secretscanner.moc"
