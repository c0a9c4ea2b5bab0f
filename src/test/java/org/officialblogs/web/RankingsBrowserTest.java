package org.officialblogs.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a visitor sees, in headless Chromium: the rankings, a country filter, a sort by reply rate, a profile, the
 * phone layout and keyboard focus. Screenshots go to target/screenshots/. Skipped with a message where Chromium is
 * missing, except under CI=true, where that is a failure.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingsBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of(System.getProperty("officialblogs.projectDir", "."), "target", "screenshots");

    RankedSite site;
    WebDriver driver;
    String base;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String how = "Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "): the browser test is skipped."
                + " Install it with `apt-get install -y chromium chromium-driver` and run"
                + " `mvn -B test -Dtest=RankingsBrowserTest`.";
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("CI=true but " + how);
        }
        Assumptions.assumeTrue(present, how);

        site = new RankedSite(dir, 0);
        base = site.server.base.toString();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")), "--window-size=1366,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (driver != null) driver.quit();
        if (site != null) site.close();
    }

    void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Makes the window as tall as the page so the screenshot shows all of it. */
    void fitHeight(int width) {
        long height = (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 140, 8000)));
    }

    List<String> visibleNames() {
        return driver.findElements(By.cssSelector("table.rankings tbody th[scope=row] a")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void aVisitorFiltersSortsAndOpensAProfile() throws IOException {
        driver.manage().window().setSize(new Dimension(1366, 900));
        driver.get(base + "/");
        assertThat(driver.getTitle()).isEqualTo("Rankings · Official Blogs");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Officials who blog, ranked");
        assertThat(visibleNames()).hasSize(7).first().isEqualTo("Official D US");
        // the hostile name is shown as text, and no script ran from it
        assertThat(visibleNames()).contains("<img src=x onerror=alert(1)> Mallory");
        assertThat(driver.findElements(By.cssSelector("main img"))).isEmpty();
        WebElement strip = driver.findElement(By.cssSelector("table.rankings tbody tr .strip"));
        assertThat(strip.getAttribute("aria-label")).isEqualTo("Posted in 12 of the last 12 weeks");
        assertThat(strip.getSize().getWidth()).isGreaterThan(40);
        fitHeight(1366);
        screenshot("1-rankings");

        new Select(driver.findElement(By.id("country"))).selectByVisibleText("United Kingdom");
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("country=GB"));
        assertThat(visibleNames()).containsExactly("<img src=x onerror=alert(1)> Mallory", "Official B GB");
        assertThat(driver.findElement(By.cssSelector(".count")).getText()).isEqualTo("2 blogs");
        screenshot("2-filtered-by-country");

        driver.findElement(By.linkText("Clear filters")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("country=GB"));
        driver.findElement(By.xpath("//thead//a[starts-with(normalize-space(.), 'Reply rate')]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("sort=reply"));
        WebElement sorted = driver.findElement(By.cssSelector("thead th[aria-sort]"));
        assertThat(sorted.getText()).startsWith("Reply rate");
        assertThat(sorted.getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(visibleNames().subList(0, 2)).containsExactly("Official D US", "Official A FI");
        WebElement firstReply = driver.findElements(By.cssSelector("table.rankings tbody tr")).get(0)
                .findElements(By.tagName("td")).get(5);
        assertThat(firstReply.getText().replace('\u00a0', ' ')).startsWith("100 %");
        screenshot("3-sorted-by-reply-rate");

        driver.findElement(By.linkText("Official A FI")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/officials/"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Official A FI");
        WebElement chart = driver.findElement(By.cssSelector("svg.chart"));
        assertThat(chart.isDisplayed()).isTrue();
        assertThat(chart.getSize().getHeight()).isGreaterThan(60);
        String text = driver.findElement(By.tagName("main")).getText().replace('\u00a0', ' ');
        assertThat(text).contains("Posted 13 times in the last 90 days, about 1.0 a week.")
                .contains("a reply rate of 80 %").contains("89.0").contains("Crawled successfully.")
                .doesNotContain(RankedSite.READER_NAME);
        // the fallback table is there for those who want numbers, folded until asked for
        WebElement table = driver.findElement(By.cssSelector("figure details table"));
        assertThat(table.isDisplayed()).isFalse();
        driver.findElement(By.cssSelector("figure details summary")).click();
        assertThat(table.isDisplayed()).isTrue();
        fitHeight(1366);
        screenshot("4-profile");
    }

    @Test
    void onAPhoneRowsBecomeCardsAndTheKeyboardFocusIsVisible() throws IOException {
        // a phone's viewport (a desktop window cannot be made this narrow in headless Chromium)
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        driver.get(base + "/");
        assertThat((Long) chrome.executeScript("return window.innerWidth")).isEqualTo(390L);
        screenshot("5-rankings-phone");
        WebElement firstRow = driver.findElement(By.cssSelector("table.rankings tbody tr"));
        // no sideways scrolling of the page itself on a phone
        long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).isLessThanOrEqualTo(0);
        assertThat(firstRow.getSize().getWidth()).isLessThanOrEqualTo(390);
        // each value of the card is on its own line with its label (the hidden header row cannot show it)
        WebElement reply = firstRow.findElements(By.tagName("td")).get(5);
        assertThat(reply.getCssValue("display")).isEqualTo("block");
        assertThat((String) chrome.executeScript("return getComputedStyle(arguments[0], '::before').content", reply))
                .isEqualTo("\"Reply rate\"");
        chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());

        driver.manage().window().setSize(new Dimension(1366, 900));
        driver.get(base + "/methodology");
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to content");
        assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(focused.getLocation().getX()).isGreaterThanOrEqualTo(0);
        screenshot("6-methodology-keyboard-focus");
        focused.sendKeys(Keys.ENTER);
        assertThat(driver.getCurrentUrl()).endsWith("#main");
    }
}
