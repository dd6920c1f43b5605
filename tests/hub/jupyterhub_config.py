"""JupyterHub settings of the hub test (tests/test_hub.py starts `jupyterhub -f` this file).

Two parts. COURSE: what a hub serving the course needs, whatever its authenticator and spawner (the
README's "Teaching with this course" quotes these lines). TEST: a throw-away hub on loopback, with a
dummy authenticator and SimpleLocalProcessSpawner (every user is the same system user, each with a home
folder of their own under a temporary directory): never use these two for a real class.
The test passes its temporary directory, ports, proxy command and API token in NN_HUB_* variables.
"""
import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (jupyterhub provides it)
BIN = Path(sys.executable).parent      # the course environment (requirements.txt + nnlib)

# ---------------------------------------------------------------------------------------- COURSE
# Each student's server: the course environment's jupyterhub-singleuser, opening JupyterLab.
c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
# Lessons train small networks: one student's kernel peaks near 250 MiB (README's capacity table).
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
# A kernel that dies at start because another student's kernel took one of its ports (servers pick ports
# on their own, so a class logging in at once can collide) must restart on new ports. jupyter_client 8
# says "new random ports" but reuses its cached ones, five times, then gives up ("Kernel ... died");
# without the cache it really picks new ones.
c.Spawner.args = ["--KernelManager.cache_ports=False"]
# The course's JupyterLab settings (jupyter/lab-settings/overrides.json: no news pop-up asking a class whether to
# fetch Jupyter's news, full lesson names in the file browser), as `make lab` and Binder have them.
COURSE = Path(__file__).resolve().parents[2]
c.Spawner.args += [f"--LabApp.app_settings_dir={COURSE / 'jupyter' / 'lab-settings'}"]

# ------------------------------------------------------------------------------------------ TEST
env = os.environ
HOME_ROOT = Path(env["NN_HUB_DIR"]) / "home"
c.JupyterHub.bind_url = f"http://127.0.0.1:{env['NN_HUB_PORT']}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{env['NN_HUB_API_PORT']}"
c.ConfigurableHTTPProxy.command = [env["NN_HUB_CHP"]]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env['NN_HUB_PROXY_API_PORT']}"
c.JupyterHub.db_url = f"sqlite:///{env['NN_HUB_DIR']}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = f"{env['NN_HUB_DIR']}/jupyterhub_cookie_secret"
c.JupyterHub.cleanup_servers = True          # stopping the hub stops every student's server
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = env["NN_HUB_PASSWORD"]
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"        # SimpleLocalProcessSpawner: test only
c.SimpleLocalProcessSpawner.home_dir_template = str(HOME_ROOT / "{username}")
c.Spawner.ip = "127.0.0.1"
c.LocalProcessSpawner.interrupt_timeout = 3   # a quick stop at the end (SIGINT, then SIGTERM, then SIGKILL)
c.LocalProcessSpawner.term_timeout = 3
c.Spawner.notebook_dir = str(HOME_ROOT / "{username}")
if os.geteuid() == 0:
    c.Spawner.args = c.Spawner.args + ["--allow-root"]


def _student_env(spawner):
    """Each student's own folders for Jupyter's settings and runtime files (nothing shared but the code)."""
    home = HOME_ROOT / spawner.user.name
    return {"PATH": f"{BIN}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}", "JUPYTER_PLATFORM_DIRS": "1",
            "JUPYTER_CONFIG_DIR": str(home / ".jupyter"), "JUPYTER_DATA_DIR": str(home / ".local/share/jupyter"),
            "JUPYTER_RUNTIME_DIR": str(home / ".local/share/jupyter/runtime"), "IPYTHONDIR": str(home / ".ipython"),
            "MPLCONFIGDIR": str(home / ".config/matplotlib"), "NN_HUB_MARK": env["NN_HUB_MARK"]}


c.Spawner.environment = {key: (lambda spawner, key=key: _student_env(spawner)[key])
                         for key in ("PATH", "JUPYTER_PLATFORM_DIRS", "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR",
                                     "JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR", "NN_HUB_MARK")}
# The test drives the hub with one API token: create users, start servers, reach them.
c.JupyterHub.services = [{"name": "course-test", "api_token": env["NN_HUB_TOKEN"]}]
c.JupyterHub.load_roles = [{"name": "course-test", "services": ["course-test"],
                            "scopes": ["admin:users", "admin:servers", "access:servers", "list:users"]}]
