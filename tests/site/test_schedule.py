"""The schedule: which jobs are due, the lock, failures recorded, and two
scheduler processes at once against one database file."""

import io
import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command, get_commands
from django.urls import reverse
from django.utils.module_loading import import_string
from django_tasks.base import Task

from gci.site import schedule
from gci.site.models import ScheduledJob
from gci.site.schedule import DAY, HOUR, MINUTE, Job, run_due
from tests.helpers import ROOT, force_login_with_totp

T0 = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)

pytestmark = pytest.mark.django_db


def counting(calls, name):
    def run():
        calls.append(name)
        return f"{name} done"

    return run


def test_a_job_never_run_is_due_at_once():
    calls = []
    run_due([Job("a", every=HOUR, call=counting(calls, "a"))], now=lambda: T0)
    assert calls == ["a"]


def test_a_job_is_not_run_again_within_its_interval():
    calls = []
    jobs = [Job("a", every=HOUR, call=counting(calls, "a"))]
    run_due(jobs, now=lambda: T0)
    run_due(jobs, now=lambda: T0 + 59 * MINUTE)
    assert calls == ["a"]


def test_a_job_runs_again_once_its_interval_has_passed():
    calls = []
    jobs = [Job("a", every=HOUR, call=counting(calls, "a"))]
    run_due(jobs, now=lambda: T0)
    run_due(jobs, now=lambda: T0 + HOUR)
    assert calls == ["a", "a"]


def test_the_real_schedule_five_minutes_after_a_full_run_has_only_the_minutely_jobs_due():
    for job in schedule.JOBS:
        ScheduledJob.objects.create(name=job.name, last_started_at=T0, outcome="succeeded")
    records = {record.name: record for record in ScheduledJob.objects.all()}
    due = [
        job.name
        for job in schedule.JOBS
        if schedule.is_due(job, records[job.name], T0 + 5 * MINUTE)
    ]
    assert due == ["outbox", "scheduled-publishing"]


def test_the_real_schedule_a_day_later_has_every_job_due():
    for job in schedule.JOBS:
        ScheduledJob.objects.create(name=job.name, last_started_at=T0, outcome="succeeded")
    records = {record.name: record for record in ScheduledJob.objects.all()}
    due = [job.name for job in schedule.JOBS if schedule.is_due(job, records[job.name], T0 + DAY)]
    assert due == [job.name for job in schedule.JOBS]


def run_job_claimed_at_t0(by, now):
    """Run job "a" (every minute, a lease of an hour) at `now`, when a run
    on host `by` claimed it at T0 and has not released it; what it called."""
    calls = []
    job = Job("a", every=MINUTE, call=counting(calls, "a"), lease=HOUR)
    ScheduledJob.objects.create(
        name="a",
        last_started_at=T0,
        locked_until=T0 + HOUR,
        locked_by=by,
        outcome="running",
    )
    run_due([job], now=lambda: now)
    return calls


def test_a_job_held_by_another_run_is_not_started_even_when_due():
    assert run_job_claimed_at_t0("other-host:1", now=T0 + 10 * MINUTE) == []


def test_a_claim_whose_lease_ran_out_is_taken_over():
    """A run that died without releasing its job holds it only until its lease ends."""
    assert run_job_claimed_at_t0("dead-host:1", now=T0 + HOUR) == ["a"]


def test_a_finished_run_records_when_and_how_it_ended():
    calls = []
    run_due([Job("a", every=HOUR, call=counting(calls, "a"))], now=lambda: T0, runner="host-1:42")
    record = ScheduledJob.objects.get(name="a")
    assert (
        record.last_started_at,
        record.outcome,
        record.message,
        record.locked_until,
        record.locked_by,
    ) == (
        T0,
        "succeeded",
        "a done",
        None,
        "host-1:42",
    )


def broken():
    raise RuntimeError("SMTP server refused")


def test_a_job_that_raises_is_recorded_as_failed():
    run_due([Job("broken", every=HOUR, call=broken)], now=lambda: T0)
    record = ScheduledJob.objects.get(name="broken")
    assert (record.outcome, record.message) == ("failed", "RuntimeError: SMTP server refused")


def test_a_job_that_raises_does_not_stop_the_others():
    calls = []
    jobs = [
        Job("first", every=HOUR, call=counting(calls, "first")),
        Job("broken", every=HOUR, call=broken),
        Job("last", every=HOUR, call=counting(calls, "last")),
    ]
    report = run_due(jobs, now=lambda: T0)
    assert (calls, report.failed) == (["first", "last"], ["broken"])


def test_a_failed_job_is_freed_for_its_next_interval():
    run_due([Job("broken", every=HOUR, call=broken)], now=lambda: T0)
    calls = []
    run_due([Job("broken", every=HOUR, call=counting(calls, "broken"))], now=lambda: T0 + HOUR)
    assert calls == ["broken"]


def test_a_job_runs_a_management_command_and_keeps_its_last_line(mailoutbox):
    run_due([Job("reminders", every=HOUR, command="send_reminders")], now=lambda: T0)
    assert ScheduledJob.objects.get(name="reminders").message.endswith("reminder(s) sent.")


def test_the_command_exits_with_an_error_when_a_job_failed(monkeypatch):
    monkeypatch.setattr(schedule, "JOBS", (Job("broken", every=HOUR, call=broken),))
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"Failed: broken \(see the log\)"):
        call_command("run_schedule", verbosity=0, stderr=err)
    assert "broken: FAILED: RuntimeError: SMTP server refused" in err.getvalue()


def test_the_looping_scheduler_says_what_failed_and_goes_on(monkeypatch):
    """One pass of `run_schedule --loop`: a failing job is reported, the
    others run, and the pass returns (the process keeps looping)."""
    from gci.site.management.commands.run_schedule import Command

    calls = []
    command = Command(stdout=io.StringIO(), stderr=io.StringIO())
    command.jobs = [
        Job("broken", every=HOUR, call=broken),
        Job("last", every=HOUR, call=counting(calls, "last")),
    ]
    report = command.run_once(verbosity=1)
    assert (report.failed, calls) == (["broken"], ["last"])
    assert "broken: FAILED: RuntimeError: SMTP server refused" in command.stderr._out.getvalue()


@pytest.mark.parametrize("job", schedule.JOBS, ids=lambda job: job.name)
def test_every_job_of_the_schedule_names_something_that_exists(job):
    if job.command:
        assert job.command in get_commands()
    else:
        target = import_string(job.call) if isinstance(job.call, str) else job.call
        assert isinstance(target, Task) or callable(target)


def test_a_job_that_names_a_task_queues_it_for_the_worker(mailoutbox):
    """The outbox's retries: the job queues the task (run at once by the
    tests' immediate backend) and records that it did."""
    (outbox,) = [job for job in schedule.JOBS if job.name == "outbox"]
    report = run_due([outbox], now=lambda: T0)
    assert report.ran == ["outbox"]
    record = ScheduledJob.objects.get(name="outbox")
    assert record.outcome == "succeeded"
    assert record.message.startswith("Queued as task ")


def test_the_command_records_every_job_even_one_it_leaves_out(monkeypatch):
    monkeypatch.setattr(
        schedule,
        "JOBS",
        (Job("kept", every=HOUR, call=lambda: None), Job("left-out", every=HOUR, call=broken)),
    )
    call_command("run_schedule", "--leave-out", "left-out", verbosity=0)
    assert sorted(ScheduledJob.objects.values_list("name", flat=True)) == ["kept", "left-out"]


def test_a_job_needs_a_command_or_a_call():
    with pytest.raises(ValueError):
        Job("nothing", every=HOUR)


# The Secretariat's view: Reports → Scheduled jobs.


def test_the_secretariat_sees_when_each_job_last_ran(client, secretariat_user):
    ScheduledJob.objects.create(
        name="reminders", last_started_at=T0, outcome="failed", message="SMTPError: down"
    )
    force_login_with_totp(client, secretariat_user)
    response = client.get(reverse("scheduled_jobs:index"))
    assert "SMTPError: down" in response.content.decode()


def test_the_reports_menu_offers_the_scheduled_jobs_to_the_secretariat(client, secretariat_user):
    force_login_with_totp(client, secretariat_user)
    response = client.get(reverse("wagtailadmin_home"))
    assert reverse("scheduled_jobs:index") in response.content.decode()


def test_a_partner_cannot_see_the_scheduled_jobs(client, cites_user):
    ScheduledJob.objects.create(
        name="reminders", last_started_at=T0, outcome="failed", message="SMTPError: down"
    )
    client.force_login(cites_user)
    response = client.get(reverse("scheduled_jobs:index"))
    assert "SMTPError: down" not in response.content.decode()


def test_nobody_edits_a_job_record_not_even_a_superuser(client, secretariat_user):
    record = ScheduledJob.objects.create(name="reminders", last_started_at=T0, outcome="succeeded")
    secretariat_user.is_superuser = True
    secretariat_user.save()
    force_login_with_totp(client, secretariat_user)
    client.post(reverse("scheduled_jobs:edit", args=[record.pk]), {"name": "renamed"})
    assert ScheduledJob.objects.get(pk=record.pk).name == "reminders"


# Two scheduler processes started at the same moment against one database:
# a SQLite file always, and PostgreSQL when DATABASE_URL names one (CI's
# second run), in a database of its own.

SCRIPT = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path

    mode, database, folder = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    os.environ["DJANGO_SETTINGS_MODULE"] = "gci.site.settings.test"
    os.environ["DATABASE_URL"] = database
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from gci.site import schedule
    from gci.site.models import ScheduledJob

    if mode == "setup":
        with connection.schema_editor() as editor:
            editor.create_model(ScheduledJob)
        sys.exit(0)

    def work(name):
        def run():
            with open(folder / "runs.log", "a") as log:
                log.write(f"{name} {os.getpid()}\\n")
            time.sleep(0.3)  # long enough for the other process to try the same job

        return run

    schedule.JOBS = tuple(
        schedule.Job(f"job-{i}", every=schedule.HOUR, call=work(f"job-{i}")) for i in range(6)
    )
    # Start together: each says it is ready, then waits for the other.
    (folder / f"ready-{os.getpid()}").touch()
    deadline = time.monotonic() + 120
    while len(list(folder.glob("ready-*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.005)
    call_command("run_schedule", verbosity=0)
    """
)


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_database(request, tmp_path):
    """The URL of an empty database that two processes can share."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'schedule.sqlite3'}"
        return
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("PostgreSQL is tried when DATABASE_URL names one (CI's second run)")
    import psycopg

    name = f"gci_schedule_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
        yield f"{url.rsplit('/', 1)[0]}/{name}"
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_two_schedulers_at_once_run_each_job_exactly_once(tmp_path, shared_database):
    script = tmp_path / "scheduler.py"
    script.write_text(SCRIPT)
    database = shared_database

    def start(mode):
        return subprocess.Popen(
            [sys.executable, str(script), mode, database, str(tmp_path)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    setup = start("setup")
    assert setup.wait(timeout=120) == 0, setup.stdout.read()
    first, second = start("run"), start("run")
    outputs = [process.communicate(timeout=180)[0] for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    runs = sorted(line.split()[0] for line in (tmp_path / "runs.log").read_text().splitlines())
    assert runs == [f"job-{i}" for i in range(6)]


def test_one_pass_of_the_real_schedule_fails_no_job(mailoutbox, settings):
    """What `make run`'s scheduler does first: every job of the schedule, on
    the demo, succeeds (left out: the link check, which fetches the Partners'
    real sites, and the Guide's PDFs, which tests/materials builds). With the
    database queue of `make run` and production (the tests' immediate
    backend has no results to prune)."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "run_schedule",
        "--leave-out=focal-point-links",
        "--leave-out=guide-pdfs",
        verbosity=2,
        stdout=out,
        stderr=err,
    )
    assert err.getvalue() == ""
    records = dict(ScheduledJob.objects.values_list("name", "outcome"))
    ran = [job.name for job in schedule.JOBS if job.name not in ("focal-point-links", "guide-pdfs")]
    assert {name: records[name] for name in ran} == dict.fromkeys(ran, "succeeded")
