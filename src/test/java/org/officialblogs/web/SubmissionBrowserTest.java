package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officialblogs.registry.BlogPreviewer;
import org.officialblogs.testkit.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * A submitter and a moderator in a real headless Chromium: submit through the form, see the preview, log in,
 * approve, and find the blog in the directory. Screenshots of each page go to target/screenshots/.
 */
@Tag("browser")
class SubmissionBrowserTest {

    static final File DRIVER = new File("/usr/bin/chromedriver");
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of(System.getProperty("officialblogs.projectDir", "."), "target", "screenshots");

    @TempDir
    Path dir;
    @TempDir
    Path profile;
    TestServer server;
    ChromeDriverService service;
    WebDriver driver;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(DRIVER.canExecute() && CHROMIUM.canExecute(),
                "Browser test skipped: Chromium is not installed here. To run it: apt-get install -y chromium chromium-driver, "
                        + "then mvn -o test -Dtest=SubmissionBrowserTest (CI installs Chromium and runs it).");
    }

    @BeforeEach
    void start() {
        FixedBlogPreviewer previewer = new FixedBlogPreviewer().answer("https://ann.example.org/", new BlogPreviewer.Preview(
                "https://ann.example.org/feed/", "wordpress", 42, Instant.parse("2026-10-30T08:00:00Z"), null));
        server = new TestServer(dir, previewer, Map.of()).withModerator();
        service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1600");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        if (driver != null) driver.quit();
        if (service != null) service.stop();
        server.close();
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    void type(String id, String value) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    void click(String buttonText) {
        clickAndWaitForNextPage(driver.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']")));
    }

    /** Clicks and waits until the browser has left the page: a click on a form button returns before the next page. */
    void clickAndWaitForNextPage(WebElement e) {
        e.click();
        // the old page's element is gone: Chromium says so as "stale", or, while the next document loads, as a node
        // that "does not belong to the document"; either means the browser has left the page
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15)).until(d -> {
            try {
                e.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
    }

    @Test
    void submitPreviewLogInApproveAndFindTheBlogInTheDirectory() throws IOException {
        driver.get(server.base + "/submit");
        assertThat(driver.getTitle()).isEqualTo("Submit an official's blog · Official Blogs");
        type("f-name", "Ann Example");
        type("f-office", "Mayor of Springfield");
        new Select(driver.findElement(By.id("f-country"))).selectByValue("US");
        type("f-region", "Illinois");
        new Select(driver.findElement(By.id("f-level"))).selectByValue("local");
        new Select(driver.findElement(By.id("f-branch"))).selectByValue("executive");
        type("f-blog_url", "https://ann.example.org/");
        type("f-submitter_name", "Jo Civic");
        type("f-organisation", "Open Springfield");
        screenshot("01-submit-form");
        // forgetting the evidence brings the form back with the error, and what was typed
        click("Check the blog and preview");
        assertThat(driver.findElement(By.id("f-evidence_url-error")).getText()).contains("Evidence is required");
        assertThat(driver.findElement(By.id("f-name")).getAttribute("value")).isEqualTo("Ann Example");
        screenshot("02-submit-form-error");
        type("f-evidence_url", "https://city.example.gov/ann");
        click("Check the blog and preview");

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Check your submission");
        assertThat(driver.findElement(By.cssSelector(".preview")).getText()).contains("https://ann.example.org/feed/")
                .contains("wordpress").contains("42").contains("2026-10-30");
        screenshot("03-preview");
        click("Send for review");

        assertThat(driver.getCurrentUrl()).matches(server.base + "/submissions/[A-Za-z0-9_-]{43}\\?new");
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("Thank you: your submission was received.");
        assertThat(driver.findElement(By.cssSelector(".badge.pending")).getText()).isEqualTo("Waiting for a moderator");
        String statusUrl = driver.getCurrentUrl().replace("?new", "");
        screenshot("04-status-pending");

        driver.get(server.base + "/admin");
        assertThat(driver.getCurrentUrl()).isEqualTo(server.base + "/login?next=%2Fadmin");
        type("f-username", TestServer.MODERATOR);
        type("f-password", TestServer.PASSWORD);
        screenshot("05-login");
        click("Log in");

        assertThat(driver.getCurrentUrl()).isEqualTo(server.base + "/admin");
        WebElement item = driver.findElement(By.cssSelector(".queue-item"));
        assertThat(item.getText()).contains("Ann Example").contains("Feed found: https://ann.example.org/feed/");
        screenshot("06-queue");
        clickAndWaitForNextPage(item.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Approve')]")));
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).startsWith("Approved");
        assertThat(driver.findElements(By.cssSelector(".queue-item"))).isEmpty();
        screenshot("07-approved");

        driver.get(server.base + "/?tab=all");
        WebElement link = driver.findElement(By.linkText("Ann Example"));
        assertThat(driver.findElement(By.cssSelector("table.directory")).getText()).contains("https://ann.example.org/");
        screenshot("08-directory");
        clickAndWaitForNextPage(link);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Ann Example");
        assertThat(driver.findElement(By.cssSelector("section.blog")).getText()).contains("https://ann.example.org/")
                .contains("Listed").contains("submission");
        screenshot("09-official");

        driver.get(statusUrl);
        assertThat(driver.findElement(By.cssSelector(".badge.approved")).getText()).isEqualTo("Approved");
        screenshot("10-status-approved");
        driver.get(server.base + "/admin/audit");
        assertThat(driver.findElement(By.cssSelector("table.audit")).getText()).contains("moderator").contains("submission.approve");
        screenshot("11-audit");
        assertThat(server.crawlRequests).hasSize(1);
    }
}
